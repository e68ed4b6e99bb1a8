import { afterEach, describe, expect, it } from "vitest";
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
    await notifier.send({ channel: "email", to: "asha@example.test", subject: "Your order", body: "Thank you", messageId: id });
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
});
