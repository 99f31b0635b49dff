package io.segstream.contracts.purchase;

/**
 * The size limits of a submitted purchase, set here and nowhere else: the Bean Validation constraints of
 * {@link PurchaseSubmitted} and {@link LineItem} name these constants, purchase-ingestion's rules check them, and the
 * build writes them into the purchase schemas ({@code SchemaLimits}). Changing one changes the contract.
 */
public final class PurchaseLimits {
    /** Most line items of one purchase or refund. */
    public static final int MAX_ITEMS = 500;
    /** Longest stock keeping unit. */
    public static final int MAX_SKU_LENGTH = 64;
    /** Longest category path of a line item. */
    public static final int MAX_CATEGORY_LENGTH = 128;
    /** Longest store id. */
    public static final int MAX_STORE_ID_LENGTH = 64;
    /** Longest region code. */
    public static final int MAX_REGION_LENGTH = 64;
    /** Longest name of the producing system. */
    public static final int MAX_SOURCE_LENGTH = 128;

    private PurchaseLimits() {
    }
}
