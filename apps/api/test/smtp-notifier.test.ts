import { simpleParser } from "mailparser";
import { afterEach, describe, expect, it } from "vitest";
import { renderNotification } from "../src/notifications/email/render.js";
import { sampleNotification, sampleOrder } from "../src/notifications/email/samples.js";
import { messageIdHeader } from "../src/notifications/message-id.js";
import { SmtpNotifier } from "../src/notifications/smtp-notifier.js";
import { TestSmtpServer } from "./notifications-servers.js";

const servers: TestSmtpServer[] = [];
const notifiers: SmtpNotifier[] = [];
afterEach(async () => {
  for (const notifier of notifiers.splice(0)) notifier.close();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function sendThree(url: (server: TestSmtpServer) => string) {
  const server = await TestSmtpServer.start();
  servers.push(server);
  const notifier = new SmtpNotifier(url(server), "BBSCART <no-reply@bbscart.local>");
  notifiers.push(notifier);
  for (const id of ["outbox-1", "outbox-2", "outbox-3"]) {
    await notifier.send({ channel: "email", to: "asha@example.test", subject: "Your order", body: "Thank you", html: null, messageId: id });
  }
  return server;
}

describe("email over SMTP", () => {
  it("sends message after message over one pooled connection, each with its outbox Message-ID", async () => {
    const server = await sendThree((s) => s.url);
    expect(server.received.map((mail) => mail.messageId)).toEqual(["outbox-1", "outbox-2", "outbox-3"].map(messageIdHeader));
    expect(server.connections).toBe(1);
  });

  it("opens a connection per message when SMTP_URL says pool=false", async () => {
    const server = await sendThree((s) => `${s.url}?pool=false`);
    expect(server.received).toHaveLength(3);
    expect(server.connections).toBe(3);
  });

  it("sends HTML with its plain-text alternative, and a resend carries the same Message-ID", async () => {
    const server = await TestSmtpServer.start();
    servers.push(server);
    const notifier = new SmtpNotifier(server.url, "BBSCART <no-reply@bbscart.local>");
    notifiers.push(notifier);
    const content = await renderNotification(sampleNotification("order_confirmed"), "email", { order: sampleOrder("https://shop.example"), shopUrl: "https://shop.example" });
    for (let send = 0; send < 2; send += 1) await notifier.send({ channel: "email", to: "asha@example.test", ...content, messageId: "outbox-9" });

    const [first, second] = await Promise.all(server.received.map((mail) => simpleParser(mail.raw)));
    expect(first!.messageId).toBe(messageIdHeader("outbox-9"));
    expect(second!.messageId).toBe(first!.messageId);
    expect(first!.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
    expect(first!.html).toContain("Basmati Rice — 1 kg");
    expect(first!.html).toContain('href="https://shop.example/orders/sample"');
    expect(first!.text).toContain("Total: ₹649.30");
  });
});
