import { money, slugify, type Category, type Coupon, type Product, type Variant } from "@bbscart/core";

/**
 * The demo store: a realistic Indian grocery-and-lifestyle catalog, generated deterministically
 * (fixed ids, slugs, prices and stock from a seeded generator) so seeding twice finds the same
 * records and adds nothing.
 */

interface Line {
  readonly name: string;
  readonly description: string;
  /** Base price of the first variant, rupees. */
  readonly rupees: number;
  /** HSN code and GST rate (basis points) as an Indian grocer would file them (rates since 22 September 2025). */
  readonly hsn: string;
  readonly rateBp: number;
}

interface CategorySpec {
  readonly slug: string;
  readonly name: string;
  readonly hue: number;
  /** Variant axis: each entry names a variant and multiplies the base price. */
  readonly variants: readonly { readonly label: string; readonly factor: number }[];
  readonly ranges: readonly string[];
  readonly items: readonly Line[];
}

const weights = [
  { label: "500 g", factor: 1 },
  { label: "1 kg", factor: 1.9 },
  { label: "5 kg", factor: 8.8 },
];
const packs = [
  { label: "Single", factor: 1 },
  { label: "Pack of 3", factor: 2.8 },
];
const sizes = ["S", "M", "L", "XL"].map((label) => ({ label, factor: 1 }));
const volumes = [
  { label: "250 ml", factor: 1 },
  { label: "1 L", factor: 3.4 },
];

export const demoCategories: readonly CategorySpec[] = [
  {
    slug: "staples",
    name: "Staples",
    hue: 32,
    variants: weights,
    ranges: ["Everyday", "Organic"],
    items: [
      { name: "Basmati Rice", description: "Long-grain, aged basmati that cooks up fluffy and fragrant.", rupees: 89 , hsn: "1006", rateBp: 500 },
      { name: "Sona Masoori Rice", description: "Light, lightly polished rice for daily meals.", rupees: 62 , hsn: "1006", rateBp: 500 },
      { name: "Whole Wheat Atta", description: "Stone-ground chakki atta for soft rotis.", rupees: 38 , hsn: "1101", rateBp: 500 },
      { name: "Toor Dal", description: "Unpolished pigeon peas, the heart of a good sambar.", rupees: 84 , hsn: "0713", rateBp: 500 },
      { name: "Moong Dal", description: "Split yellow lentils that cook quickly.", rupees: 79 , hsn: "0713", rateBp: 500 },
      { name: "Chana Dal", description: "Split Bengal gram for dals and snacks.", rupees: 58 , hsn: "0713", rateBp: 500 },
      { name: "Rajma", description: "Kashmiri red kidney beans, creamy when cooked.", rupees: 92 , hsn: "0713", rateBp: 500 },
      { name: "Poha", description: "Thick flattened rice for a quick breakfast.", rupees: 34 , hsn: "1904", rateBp: 500 },
      { name: "Besan", description: "Fine gram flour for pakoras and sweets.", rupees: 46 , hsn: "1106", rateBp: 500 },
      { name: "Sugar", description: "Clean, double-refined crystal sugar.", rupees: 24 , hsn: "1701", rateBp: 500 },
      { name: "Jaggery", description: "Chemical-free sugarcane jaggery blocks.", rupees: 48 , hsn: "1701", rateBp: 500 },
      { name: "Rock Salt", description: "Unrefined pink rock salt.", rupees: 29 , hsn: "2501", rateBp: 0 },
    ],
  },
  {
    slug: "fruits-vegetables",
    name: "Fruits & Vegetables",
    hue: 110,
    variants: weights.slice(0, 2),
    ranges: ["Farm Fresh", "Organic"],
    items: [
      { name: "Alphonso Mangoes", description: "Ratnagiri Alphonso, hand-picked and naturally ripened.", rupees: 249 , hsn: "0804", rateBp: 0 },
      { name: "Bananas", description: "Robusta bananas, ripe and sweet.", rupees: 29 , hsn: "0803", rateBp: 0 },
      { name: "Pomegranate", description: "Bhagwa pomegranates with deep red arils.", rupees: 99 , hsn: "0810", rateBp: 0 },
      { name: "Apples", description: "Crisp Shimla apples.", rupees: 119 , hsn: "0808", rateBp: 0 },
      { name: "Tomatoes", description: "Firm, juicy hybrid tomatoes.", rupees: 24 , hsn: "0702", rateBp: 0 },
      { name: "Onions", description: "Nashik red onions.", rupees: 22 , hsn: "0703", rateBp: 0 },
      { name: "Potatoes", description: "All-purpose potatoes.", rupees: 19 , hsn: "0701", rateBp: 0 },
      { name: "Okra", description: "Tender bhindi, picked young.", rupees: 32 , hsn: "0709", rateBp: 0 },
      { name: "Spinach", description: "Fresh palak leaves, washed.", rupees: 18 , hsn: "0709", rateBp: 0 },
      { name: "Green Chillies", description: "Hot, fresh green chillies.", rupees: 12 , hsn: "0709", rateBp: 0 },
      { name: "Ginger", description: "Fibre-light fresh ginger.", rupees: 38 , hsn: "0910", rateBp: 0 },
    ],
  },
  {
    slug: "dairy-bakery",
    name: "Dairy & Bakery",
    hue: 205,
    variants: packs,
    ranges: ["Fresh", "Farmhouse"],
    items: [
      { name: "Paneer", description: "Soft malai paneer, 200 g block.", rupees: 89 , hsn: "0406", rateBp: 0 },
      { name: "Curd", description: "Thick set curd, 400 g cup.", rupees: 45 , hsn: "0403", rateBp: 500 },
      { name: "Ghee", description: "Cow ghee with a rich, grainy texture, 500 ml.", rupees: 329 , hsn: "0405", rateBp: 500 },
      { name: "Butter", description: "Salted table butter, 100 g.", rupees: 56 , hsn: "0405", rateBp: 500 },
      { name: "Brown Bread", description: "Whole wheat sandwich loaf.", rupees: 45 , hsn: "1905", rateBp: 0 },
      { name: "Pav", description: "Soft dinner rolls, 6 pieces.", rupees: 30 , hsn: "1905", rateBp: 0 },
      { name: "Cheese Slices", description: "Processed cheese slices, 10 pieces.", rupees: 139 , hsn: "0406", rateBp: 500 },
      { name: "Buttermilk", description: "Spiced chaas, 200 ml.", rupees: 15 , hsn: "0403", rateBp: 500 },
      { name: "Rusk", description: "Crisp elaichi rusk for chai time.", rupees: 42 , hsn: "1905", rateBp: 500 },
      { name: "Khari", description: "Flaky puff-pastry biscuits.", rupees: 55 , hsn: "1905", rateBp: 500 },
    ],
  },
  {
    slug: "beverages",
    name: "Beverages",
    hue: 15,
    variants: volumes,
    ranges: ["Classic", "Premium"],
    items: [
      { name: "Assam Tea", description: "Strong CTC Assam for a robust masala chai.", rupees: 120 , hsn: "0902", rateBp: 500 },
      { name: "Darjeeling Tea", description: "First-flush whole-leaf Darjeeling.", rupees: 260 , hsn: "0902", rateBp: 500 },
      { name: "Filter Coffee", description: "South Indian coffee-chicory blend, 80:20.", rupees: 180 , hsn: "0901", rateBp: 500 },
      { name: "Mango Juice", description: "Alphonso mango nectar, no added colour.", rupees: 35 , hsn: "2009", rateBp: 500 },
      { name: "Coconut Water", description: "Tender coconut water, nothing added.", rupees: 40 , hsn: "2202", rateBp: 500 },
      { name: "Rose Sharbat", description: "Rose syrup for summer coolers.", rupees: 95 , hsn: "2106", rateBp: 500 },
      { name: "Lemon Soda", description: "Fizzy nimbu soda.", rupees: 20 , hsn: "2202", rateBp: 4000 },
      { name: "Green Tea", description: "Tulsi green tea.", rupees: 140 , hsn: "0902", rateBp: 500 },
      { name: "Badam Milk", description: "Almond and saffron milk.", rupees: 30 , hsn: "2202", rateBp: 500 },
      { name: "Kokum Drink", description: "Cooling kokum concentrate.", rupees: 110 , hsn: "2202", rateBp: 500 },
    ],
  },
  {
    slug: "snacks-sweets",
    name: "Snacks & Sweets",
    hue: 350,
    variants: packs,
    ranges: ["Homestyle", "Festive"],
    items: [
      { name: "Bhujia", description: "Crisp besan sev with a peppery bite, 400 g.", rupees: 99 , hsn: "2106", rateBp: 500 },
      { name: "Banana Chips", description: "Kerala banana chips fried in coconut oil.", rupees: 85 , hsn: "2008", rateBp: 500 },
      { name: "Kaju Katli", description: "Cashew fudge with silver leaf, 250 g.", rupees: 349 , hsn: "1704", rateBp: 500 },
      { name: "Soan Papdi", description: "Flaky, melt-in-the-mouth soan papdi.", rupees: 120 , hsn: "1704", rateBp: 500 },
      { name: "Chakli", description: "Spiral rice-flour murukku.", rupees: 75 , hsn: "2106", rateBp: 500 },
      { name: "Roasted Makhana", description: "Fox nuts roasted with peri-peri.", rupees: 129 , hsn: "2008", rateBp: 500 },
      { name: "Masala Peanuts", description: "Crunchy coated peanuts.", rupees: 55 , hsn: "2008", rateBp: 500 },
      { name: "Gulab Jamun", description: "Tinned gulab jamun, 1 kg.", rupees: 199 , hsn: "2106", rateBp: 500 },
      { name: "Khakhra", description: "Methi khakhra, roasted not fried.", rupees: 69 , hsn: "1905", rateBp: 500 },
      { name: "Chikki", description: "Peanut and jaggery brittle.", rupees: 45 , hsn: "1704", rateBp: 500 },
    ],
  },
  {
    slug: "personal-care",
    name: "Personal Care",
    hue: 280,
    variants: volumes,
    ranges: ["Herbal", "Ayurvedic"],
    items: [
      { name: "Neem Face Wash", description: "Neem and turmeric face wash for oily skin.", rupees: 140 , hsn: "3401", rateBp: 500 },
      { name: "Coconut Hair Oil", description: "Cold-pressed coconut oil.", rupees: 99 , hsn: "3305", rateBp: 500 },
      { name: "Amla Shampoo", description: "Amla and reetha shampoo.", rupees: 175 , hsn: "3305", rateBp: 500 },
      { name: "Sandalwood Soap", description: "Mysore sandal soap, 3 × 125 g.", rupees: 160 , hsn: "3401", rateBp: 500 },
      { name: "Aloe Vera Gel", description: "Soothing aloe gel.", rupees: 120 , hsn: "3304", rateBp: 1800 },
      { name: "Herbal Toothpaste", description: "Clove and neem toothpaste.", rupees: 95 , hsn: "3306", rateBp: 500 },
      { name: "Body Lotion", description: "Cocoa butter body lotion.", rupees: 220 , hsn: "3304", rateBp: 1800 },
      { name: "Kajal", description: "Smudge-proof kajal.", rupees: 199 , hsn: "3304", rateBp: 1800 },
      { name: "Sunscreen SPF 50", description: "Matte-finish sunscreen.", rupees: 399 , hsn: "3304", rateBp: 1800 },
      { name: "Hand Wash", description: "Germ-protection hand wash.", rupees: 99 , hsn: "3401", rateBp: 1800 },
    ],
  },
  {
    slug: "home-care",
    name: "Home Care",
    hue: 190,
    variants: volumes,
    ranges: ["Fresh", "Eco"],
    items: [
      { name: "Dishwash Liquid", description: "Lemon dishwash gel that cuts grease.", rupees: 105 , hsn: "3402", rateBp: 1800 },
      { name: "Floor Cleaner", description: "Pine floor cleaner, kills 99.9 % of germs.", rupees: 189 , hsn: "3808", rateBp: 1800 },
      { name: "Detergent Liquid", description: "Front-load liquid detergent.", rupees: 245 , hsn: "3402", rateBp: 1800 },
      { name: "Glass Cleaner", description: "Streak-free glass spray.", rupees: 110 , hsn: "3402", rateBp: 1800 },
      { name: "Toilet Cleaner", description: "Thick toilet cleaner gel.", rupees: 95 , hsn: "3402", rateBp: 1800 },
      { name: "Fabric Conditioner", description: "Jasmine fabric softener.", rupees: 215 , hsn: "3809", rateBp: 1800 },
      { name: "Mosquito Repellent", description: "Liquid vaporiser refill.", rupees: 80 , hsn: "3808", rateBp: 1800 },
      { name: "Air Freshener", description: "Sandalwood room spray.", rupees: 175 , hsn: "3307", rateBp: 1800 },
      { name: "Scrub Pads", description: "Non-scratch scrub pads.", rupees: 45 , hsn: "6805", rateBp: 1800 },
      { name: "Garbage Bags", description: "Medium biodegradable bags, 30 count.", rupees: 120 , hsn: "3923", rateBp: 1800 },
    ],
  },
  {
    slug: "kitchen-dining",
    name: "Kitchen & Dining",
    hue: 0,
    variants: [
      { label: "Small", factor: 1 },
      { label: "Large", factor: 1.6 },
    ],
    ranges: ["Steel", "Copper-Finish"],
    items: [
      { name: "Pressure Cooker", description: "Induction-ready pressure cooker.", rupees: 1499 , hsn: "7615", rateBp: 500 },
      { name: "Tawa", description: "Cast-iron dosa tawa, pre-seasoned.", rupees: 899 , hsn: "7323", rateBp: 500 },
      { name: "Kadai", description: "Deep kadai with lid.", rupees: 1199 , hsn: "7323", rateBp: 500 },
      { name: "Masala Dabba", description: "Spice box with seven katoris.", rupees: 649 , hsn: "7323", rateBp: 500 },
      { name: "Thali Set", description: "Dinner thali set for two.", rupees: 999 , hsn: "7323", rateBp: 500 },
      { name: "Water Bottle", description: "Insulated bottle, keeps cold 24 h.", rupees: 549 , hsn: "7323", rateBp: 500 },
      { name: "Lunch Box", description: "Three-tier tiffin.", rupees: 699 , hsn: "7323", rateBp: 500 },
      { name: "Chai Glasses", description: "Cutting-chai glasses, set of 6.", rupees: 299 , hsn: "7013", rateBp: 1800 },
      { name: "Rolling Pin Set", description: "Chakla belan in sheesham wood.", rupees: 449 , hsn: "4419", rateBp: 500 },
      { name: "Storage Jars", description: "Airtight jars, set of 3.", rupees: 599 , hsn: "7013", rateBp: 1800 },
    ],
  },
  {
    slug: "mens-fashion",
    name: "Men's Fashion",
    hue: 225,
    variants: sizes,
    ranges: ["Indigo", "Khadi"],
    items: [
      { name: "Cotton Kurta", description: "Straight-cut cotton kurta with mandarin collar.", rupees: 899 , hsn: "6211", rateBp: 500 },
      { name: "Linen Shirt", description: "Breathable linen shirt, regular fit.", rupees: 1299 , hsn: "6205", rateBp: 500 },
      { name: "Nehru Jacket", description: "Textured Nehru jacket.", rupees: 1599 , hsn: "6203", rateBp: 500 },
      { name: "Chinos", description: "Stretch cotton chinos.", rupees: 1199 , hsn: "6203", rateBp: 500 },
      { name: "Polo T-Shirt", description: "Pique polo tee.", rupees: 599 , hsn: "6105", rateBp: 500 },
      { name: "Pyjama", description: "Cotton drawstring pyjama.", rupees: 449 , hsn: "6207", rateBp: 500 },
      { name: "Dhoti", description: "Ready-to-wear dhoti.", rupees: 699 , hsn: "6211", rateBp: 500 },
      { name: "Sherwani", description: "Festive sherwani with churidar.", rupees: 4999 , hsn: "6203", rateBp: 1800 },
      { name: "Hoodie", description: "Fleece-lined hoodie.", rupees: 999 , hsn: "6110", rateBp: 500 },
      { name: "Denim Jacket", description: "Washed denim jacket.", rupees: 1799 , hsn: "6201", rateBp: 500 },
    ],
  },
  {
    slug: "womens-fashion",
    name: "Women's Fashion",
    hue: 325,
    variants: sizes,
    ranges: ["Block-Print", "Handloom"],
    items: [
      { name: "Anarkali Kurti", description: "Flared anarkali kurti in soft rayon.", rupees: 1099 , hsn: "6211", rateBp: 500 },
      { name: "Palazzo Set", description: "Kurta with palazzo pants.", rupees: 1499 , hsn: "6204", rateBp: 500 },
      { name: "Cotton Saree", description: "Handwoven cotton saree with blouse piece.", rupees: 1899 , hsn: "5208", rateBp: 500 },
      { name: "Silk Dupatta", description: "Art-silk dupatta with zari border.", rupees: 699 , hsn: "6214", rateBp: 500 },
      { name: "Salwar Suit", description: "Unstitched salwar suit set.", rupees: 1299 , hsn: "6204", rateBp: 500 },
      { name: "Lehenga Skirt", description: "Embroidered lehenga skirt.", rupees: 2999 , hsn: "6204", rateBp: 1800 },
      { name: "Short Kurti", description: "A-line short kurti.", rupees: 599 , hsn: "6211", rateBp: 500 },
      { name: "Leggings", description: "Churidar leggings, stretch cotton.", rupees: 349 , hsn: "6104", rateBp: 500 },
      { name: "Shrug", description: "Lightweight printed shrug.", rupees: 499 , hsn: "6110", rateBp: 500 },
      { name: "Jacket Kurta", description: "Kurta with a layered jacket.", rupees: 1699 , hsn: "6211", rateBp: 500 },
    ],
  },
  {
    slug: "electronics",
    name: "Electronics",
    hue: 260,
    variants: [
      { label: "Black", factor: 1 },
      { label: "White", factor: 1 },
      { label: "Blue", factor: 1.05 },
    ],
    ranges: ["Basic", "Pro"],
    items: [
      { name: "Wireless Earbuds", description: "Bluetooth 5.3 earbuds with 30 h battery.", rupees: 1499 , hsn: "8518", rateBp: 1800 },
      { name: "Power Bank", description: "10,000 mAh fast-charging power bank.", rupees: 1199 , hsn: "8507", rateBp: 1800 },
      { name: "USB-C Charger", description: "33 W USB-C wall charger.", rupees: 899 , hsn: "8504", rateBp: 1800 },
      { name: "Phone Case", description: "Shock-proof phone case.", rupees: 399 , hsn: "3926", rateBp: 1800 },
      { name: "Smart Band", description: "Fitness band with heart-rate tracking.", rupees: 1999 , hsn: "8517", rateBp: 1800 },
      { name: "Bluetooth Speaker", description: "Splash-proof portable speaker.", rupees: 1799 , hsn: "8518", rateBp: 1800 },
      { name: "Charging Cable", description: "Braided USB-C cable, 1.5 m.", rupees: 299 , hsn: "8544", rateBp: 1800 },
      { name: "Keyboard", description: "Wireless keyboard with Hindi legends.", rupees: 1299 , hsn: "8471", rateBp: 1800 },
      { name: "Mouse", description: "Silent-click wireless mouse.", rupees: 599 , hsn: "8471", rateBp: 1800 },
      { name: "LED Bulb", description: "Smart Wi-Fi LED bulb, 9 W.", rupees: 699 , hsn: "8539", rateBp: 1800 },
    ],
  },
];

/**
 * A small deterministic generator (mulberry32) so the demo data is the same on every machine; the
 * bench's history generator draws from it too.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Prices end in 9 or 0 paise-free rupees, like a real shop's. */
function shopPrice(rupees: number): number {
  const rounded = rupees < 100 ? Math.round(rupees) : Math.round(rupees / 10) * 10 - 1;
  return Math.max(rounded, 9) * 100;
}

export interface DemoProduct {
  readonly product: Product;
  readonly categoryName: string;
  readonly hue: number;
}

/** Every category and product of the demo store, with stable ids; `now` stamps creation. */
export function buildDemoCatalog(now: Date): { categories: Category[]; products: DemoProduct[] } {
  const random = seededRandom(20261125);
  const categories: Category[] = [];
  const products: DemoProduct[] = [];
  for (const spec of demoCategories) {
    const categoryId = `cat_${spec.slug}`;
    categories.push({ id: categoryId, slug: spec.slug, name: spec.name, parentId: null, position: categories.length, description: "", image: null, archivedAt: null });
    for (const range of spec.ranges) {
      for (const item of spec.items) {
        const name = `${range} ${item.name}`;
        const slug = slugify(name);
        const productId = `prod_${slug}`;
        const premium = spec.ranges.indexOf(range) === 1 ? 1.25 : 1;
        const roll = random();
        const variants: Variant[] = spec.variants.map((axis, index) => {
          // Roughly one product in twelve is sold out and one in eight is running low, so the
          // in-stock filter and the low-stock dashboard have something to show.
          const onHand = roll < 0.08 ? 0 : roll < 0.2 ? 1 + Math.floor(random() * 4) : 10 + Math.floor(random() * 190);
          return {
            id: `var_${slug}_${index + 1}`,
            productId,
            sku: `${spec.slug.slice(0, 3)}-${slug}-${slugify(axis.label)}`.toUpperCase(),
            name: axis.label,
            price: money(shopPrice(item.rupees * premium * axis.factor), "INR"),
            stock: { onHand, reserved: 0 },
            active: true,
          };
        });
        products.push({
          categoryName: spec.name,
          hue: spec.hue,
          product: {
            id: productId,
            slug,
            name,
            description: `${item.description} ${range} range from the BBSCART ${spec.name.toLowerCase()} aisle.`,
            categoryId,
            active: true,
            images: [`products/${slug}.webp`],
            // Generated pictures show nothing but the name, which is what an empty text falls back to.
            imageAlts: [""],
            taxRateBp: item.rateBp,
            hsnCode: item.hsn,
            variants,
            createdAt: now,
            updatedAt: now,
          },
        });
      }
    }
  }
  return { categories, products };
}

/** Demo coupons: a welcome percentage, a flat discount, a limited festive one, and an expired one. */
export function buildDemoCoupons(now: Date): Coupon[] {
  const day = 24 * 60 * 60 * 1000;
  const inr = (rupees: number) => money(rupees * 100, "INR");
  const base = { active: true, startsAt: null, usedCount: 0, version: 1, description: null } as const;
  return [
    { ...base, code: "WELCOME10", kind: "percentage", percentBp: 1000, maxDiscount: inr(200), minOrder: inr(499), expiresAt: null, usageLimit: null, perCustomerLimit: 1 },
    { ...base, code: "FLAT100", kind: "fixed", amount: inr(100), minOrder: inr(999), expiresAt: null, usageLimit: null, perCustomerLimit: null },
    { ...base, code: "FESTIVE25", kind: "percentage", percentBp: 2500, maxDiscount: inr(500), minOrder: inr(1499), expiresAt: new Date(now.getTime() + 60 * day), usageLimit: 500, perCustomerLimit: 2 },
    { ...base, code: "MONSOON50", kind: "fixed", amount: inr(50), minOrder: null, expiresAt: new Date(now.getTime() - 30 * day), usageLimit: 1000, perCustomerLimit: 1 },
  ];
}
