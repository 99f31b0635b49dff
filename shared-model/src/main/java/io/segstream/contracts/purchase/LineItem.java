package io.segstream.contracts.purchase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** One line of an order: quantity units of a SKU at a unit price; category is a path such as "infant-formula/organic". */
public record LineItem(
        @NotBlank @Size(max = PurchaseLimits.MAX_SKU_LENGTH) String sku,
        @Size(max = PurchaseLimits.MAX_CATEGORY_LENGTH) String category,
        @NotNull @Positive Integer quantity,
        @NotNull BigDecimal unitPrice) {

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
