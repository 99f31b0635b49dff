package io.segstream.localstack.demo;

import java.math.BigDecimal;
import java.util.List;

/** A small retail assortment: SKUs with a category path and a list price in CNY. */
final class DemoCatalogue {
    record Product(String sku, String category, BigDecimal price) {
    }

    record Region(String code, String currency, BigDecimal cnyPerUnit) {
    }

    static final List<Product> PRODUCTS = List.of(
            product("MILK-ORG-900", "infant-formula/organic", "249.00"),
            product("MILK-ORG-400", "infant-formula/organic", "129.00"),
            product("MILK-STD-900", "infant-formula/standard", "159.00"),
            product("MILK-STD-400", "infant-formula/standard", "79.00"),
            product("DIAP-M-60", "diapers", "99.00"),
            product("DIAP-L-52", "diapers", "109.00"),
            product("TOY-BLOCK-100", "toys", "199.00"),
            product("TOY-PLUSH-S", "toys", "59.00"),
            product("APP-ROMPER-3", "apparel/kids", "89.00"),
            product("APP-JACKET-W", "apparel/kids", "269.00"),
            product("GRO-RICE-5KG", "grocery", "45.00"),
            product("GRO-OIL-1L", "grocery", "32.50"),
            product("ELEC-MONITOR", "electronics", "899.00"),
            product("ELEC-BOTTLE-W", "electronics", "329.00"),
            product("BEAU-CREAM-50", "beauty", "189.00"),
            product("BEAU-WIPES-80", "beauty", "25.90"));

    /** Regions with the currency their tills use and what one unit of it costs in CNY (for realistic prices). */
    static final List<Region> REGIONS = List.of(
            new Region("CN-SH", "CNY", BigDecimal.ONE),
            new Region("CN-BJ", "CNY", BigDecimal.ONE),
            new Region("CN-GD", "CNY", BigDecimal.ONE),
            new Region("CN-ZJ", "CNY", BigDecimal.ONE),
            new Region("US-CA", "USD", new BigDecimal("7.10")),
            new Region("GB-LND", "GBP", new BigDecimal("9.00")),
            new Region("DE-BE", "EUR", new BigDecimal("7.70")));

    private DemoCatalogue() {
    }

    private static Product product(String sku, String category, String price) {
        return new Product(sku, category, new BigDecimal(price));
    }
}
