import { describe, expect, it } from "vitest";
import { trackingLink } from "./tracking.js";

describe("trackingLink", () => {
  it("links a known carrier however its name is typed", () => {
    expect(trackingLink("Blue Dart", "BD123")).toBe("https://www.bluedart.com/web/guest/trackdartresult?trackFor=0&trackNo=BD123");
    expect(trackingLink("DELHIVERY", " 9988 ")).toBe("https://www.delhivery.com/track/package/9988");
  });

  it("escapes the tracking number so it cannot change the address", () => {
    expect(trackingLink("Ekart", "a/../b?x=1")).toBe("https://ekartlogistics.com/shipmenttrack/a%2F..%2Fb%3Fx%3D1");
  });

  it("gives no link for an unknown carrier or an empty number", () => {
    expect(trackingLink("Bob's Couriers", "1")).toBeNull();
    expect(trackingLink("Shiprocket", "  ")).toBeNull();
  });
});
