import { z } from "zod";
export declare const catalogListInput: z.ZodObject<{
    cursor: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    limit: z.ZodDefault<z.ZodNumber>;
    search: z.ZodDefault<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string | null, string>>>>;
    categoryId: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    minPrice: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
    maxPrice: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
    inStock: z.ZodDefault<z.ZodNullable<z.ZodBoolean>>;
    sort: z.ZodDefault<z.ZodEnum<{
        relevance: "relevance";
        newest: "newest";
        price_asc: "price_asc";
        price_desc: "price_desc";
        name_asc: "name_asc";
    }>>;
}, z.core.$strip>;
/** The admin's product list: the shop's filters plus the status (on sale or archived). */
export declare const adminCatalogListInput: z.ZodObject<{
    status: z.ZodDefault<z.ZodNullable<z.ZodEnum<{
        active: "active";
        archived: "archived";
    }>>>;
    cursor: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    limit: z.ZodDefault<z.ZodNumber>;
    search: z.ZodDefault<z.ZodNullable<z.ZodPipe<z.ZodString, z.ZodTransform<string | null, string>>>>;
    categoryId: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    minPrice: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
    maxPrice: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
    inStock: z.ZodDefault<z.ZodNullable<z.ZodBoolean>>;
    sort: z.ZodDefault<z.ZodEnum<{
        relevance: "relevance";
        newest: "newest";
        price_asc: "price_asc";
        price_desc: "price_desc";
        name_asc: "name_asc";
    }>>;
}, z.core.$strip>;
export declare const productSlugInput: z.ZodObject<{
    slug: z.ZodString;
}, z.core.$strip>;
export declare const productIdInput: z.ZodObject<{
    productId: z.ZodString;
}, z.core.$strip>;
export declare const categoryInput: z.ZodObject<{
    name: z.ZodString;
    slug: z.ZodOptional<z.ZodString>;
    parentId: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    description: z.ZodDefault<z.ZodString>;
    image: z.ZodDefault<z.ZodNullable<z.ZodString>>;
}, z.core.$strip>;
/** Only the fields sent change: no defaults, so renaming a category keeps its parent. A new parent moves it (last there). */
export declare const categoryUpdateInput: z.ZodObject<{
    categoryId: z.ZodString;
    name: z.ZodOptional<z.ZodString>;
    slug: z.ZodOptional<z.ZodString>;
    parentId: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    description: z.ZodOptional<z.ZodString>;
    image: z.ZodOptional<z.ZodNullable<z.ZodString>>;
}, z.core.$strip>;
export declare const categoryIdInput: z.ZodObject<{
    categoryId: z.ZodString;
}, z.core.$strip>;
/** Re-parent and/or reorder: the category goes under `parentId` (null = top level) at `position` among its siblings (null = last). */
export declare const categoryMoveInput: z.ZodObject<{
    categoryId: z.ZodString;
    parentId: z.ZodNullable<z.ZodString>;
    position: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
}, z.core.$strip>;
/** A price change in basis points: +1000 is +10 %, −2500 is −25 %. */
export declare const priceChangeBp: z.ZodNumber;
/** One action over many products, applied in one unit of work (all or none). */
export declare const productBulkInput: z.ZodObject<{
    productIds: z.ZodArray<z.ZodString>;
    action: z.ZodDiscriminatedUnion<[z.ZodObject<{
        type: z.ZodLiteral<"archive">;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"restore">;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"category">;
        categoryId: z.ZodString;
    }, z.core.$strip>, z.ZodObject<{
        type: z.ZodLiteral<"price">;
        changeBp: z.ZodNumber;
    }, z.core.$strip>], "type">;
}, z.core.$strip>;
/** What a price change would do, before it is applied. */
export declare const productPricePreviewInput: z.ZodObject<{
    productIds: z.ZodArray<z.ZodString>;
    changeBp: z.ZodNumber;
}, z.core.$strip>;
export declare const variantCreateInput: z.ZodObject<{
    sku: z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>;
    name: z.ZodDefault<z.ZodString>;
    priceMinor: z.ZodNumber;
    stockOnHand: z.ZodDefault<z.ZodNumber>;
    active: z.ZodDefault<z.ZodBoolean>;
}, z.core.$strip>;
export declare const productCreateInput: z.ZodObject<{
    name: z.ZodString;
    slug: z.ZodOptional<z.ZodString>;
    description: z.ZodDefault<z.ZodString>;
    categoryId: z.ZodString;
    active: z.ZodDefault<z.ZodBoolean>;
    taxRateBp: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
    images: z.ZodDefault<z.ZodArray<z.ZodString>>;
    variants: z.ZodArray<z.ZodObject<{
        sku: z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>;
        name: z.ZodDefault<z.ZodString>;
        priceMinor: z.ZodNumber;
        stockOnHand: z.ZodDefault<z.ZodNumber>;
        active: z.ZodDefault<z.ZodBoolean>;
    }, z.core.$strip>>;
}, z.core.$strip>;
/** Only the fields sent change; no defaults, so an update never resets what it omits. */
export declare const productUpdateInput: z.ZodObject<{
    productId: z.ZodString;
    name: z.ZodOptional<z.ZodString>;
    slug: z.ZodOptional<z.ZodString>;
    description: z.ZodOptional<z.ZodString>;
    categoryId: z.ZodOptional<z.ZodString>;
    active: z.ZodOptional<z.ZodBoolean>;
    taxRateBp: z.ZodOptional<z.ZodNullable<z.ZodNumber>>;
    images: z.ZodOptional<z.ZodArray<z.ZodString>>;
}, z.core.$strip>;
export declare const variantUpdateInput: z.ZodObject<{
    variantId: z.ZodString;
    sku: z.ZodOptional<z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>>;
    name: z.ZodOptional<z.ZodString>;
    priceMinor: z.ZodOptional<z.ZodNumber>;
    active: z.ZodOptional<z.ZodBoolean>;
}, z.core.$strip>;
export declare const variantAddInput: z.ZodObject<{
    sku: z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>;
    name: z.ZodDefault<z.ZodString>;
    priceMinor: z.ZodNumber;
    stockOnHand: z.ZodDefault<z.ZodNumber>;
    active: z.ZodDefault<z.ZodBoolean>;
    productId: z.ZodString;
}, z.core.$strip>;
/** A counted correction of on-hand stock; the reason goes to the audit log. */
export declare const stockAdjustmentInput: z.ZodObject<{
    variantId: z.ZodString;
    delta: z.ZodNumber;
    reason: z.ZodString;
}, z.core.$strip>;
//# sourceMappingURL=catalog.d.ts.map