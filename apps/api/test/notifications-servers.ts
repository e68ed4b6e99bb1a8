import { EventEmitter, once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  messageId: string | null;
  raw: string;
}

/**
 * A real SMTP server (smtp-server) on a free port that keeps what it receives. It can refuse the
 * next sessions (an outage as a sender sees it) and hold a message before accepting it.
 */
export class TestSmtpServer extends EventEmitter {
  readonly received: ReceivedMail[] = [];
  /** Connections refused so far, while `refuseNext` lasts. */
  refused = 0;
  /** Connections opened so far, accepted or refused. */
  connections = 0;
  private refusals = 0;
  private holdMs = 0;

  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect: (_session, callback) => this.connect(callback),
    onData: (stream, session, callback) => void this.data(stream, session, callback),
  });
  url = "";

  static async start(): Promise<TestSmtpServer> {
    const smtp = new TestSmtpServer();
    smtp.server.listen(0, "127.0.0.1");
    await once(smtp.server.server, "listening");
    smtp.url = `smtp://127.0.0.1:${(smtp.server.server.address() as AddressInfo).port}`;
    return smtp;
  }

  /** Refuses the next `count` connections with 421 (service not available). */
  refuseNext(count: number): void {
    this.refusals = count;
  }

  /** Waits `ms` after reading a message before accepting it; emits "holding" when it starts. */
  hold(ms: number): void {
    this.holdMs = ms;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private connect(callback: (error?: Error) => void): void {
    this.connections += 1;
    if (this.refusals === 0) return callback();
    this.refusals -= 1;
    this.refused += 1;
    callback(Object.assign(new Error("Service not available, try later"), { responseCode: 421 }));
  }

  private async data(stream: NodeJS.ReadableStream, session: SMTPServerSession, callback: (error?: Error) => void): Promise<void> {
    let raw = "";
    for await (const chunk of stream) raw += chunk.toString();
    if (this.holdMs > 0) {
      this.emit("holding");
      await new Promise((resolve) => setTimeout(resolve, this.holdMs));
    }
    this.received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), messageId: /^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? null, raw });
    this.emit("mail");
    callback();
  }
}

/** A stand-in SMS provider: an HTTP server that keeps each JSON body with its headers and answers with an id. */
export async function startSmsProvider() {
  const requests: { headers: http.IncomingHttpHeaders; body: unknown }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      requests.push({ headers: req.headers, body: JSON.parse(body) as unknown });
      res.writeHead(202, { "content-type": "application/json" }).end(JSON.stringify({ id: `sms-${requests.length}` }));
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/messages`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
