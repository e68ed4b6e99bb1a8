/**
 * Carriers whose public tracking page takes the tracking number in its address, by the names an
 * admin types when shipping (matched without case, spaces or punctuation). Other carriers get no
 * link: a guessed address that opens a search form helps nobody.
 */
const CARRIER_TRACKING_PAGES: Record<string, (trackingNumber: string) => string> = {
  delhivery: (n) => `https://www.delhivery.com/track/package/${n}`,
  bluedart: (n) => `https://www.bluedart.com/web/guest/trackdartresult?trackFor=0&trackNo=${n}`,
  shiprocket: (n) => `https://shiprocket.co/tracking/${n}`,
  ekart: (n) => `https://ekartlogistics.com/shipmenttrack/${n}`,
};

/** The carrier's tracking page for a parcel, or null when the carrier is not one we know. */
export function trackingLink(carrier: string, trackingNumber: string): string | null {
  const page = CARRIER_TRACKING_PAGES[carrier.toLowerCase().replace(/[^a-z]/g, "")];
  const number = trackingNumber.trim();
  return page && number !== "" ? page(encodeURIComponent(number)) : null;
}
