import { Body, Button, Column, Container, Head, Heading, Hr, Html, Link, Preview, Row, Section, Text } from "@react-email/components";
import { formatMoney, money, type Money, type ReceiptRow } from "@bbscart/core";
import type { EmailOrder } from "./order.js";

export interface EmailProps {
  preview: string;
  heading: string;
  paragraphs: readonly string[];
  order: EmailOrder | null;
  action: { label: string; url: string } | null;
  /** The shop's address, for the footer's link home. */
  shopUrl: string;
}

/** A discount is a negative row; it reads "− ₹50.00", with a real minus sign. */
export function signedMoney(amount: Money): string {
  return amount.minor < 0 ? `− ${formatMoney(money(-amount.minor, amount.currency))}` : formatMoney(amount);
}

export function rowLabel(row: ReceiptRow): string {
  return row.kind === "line" ? `${row.quantity} × ${row.label}` : row.label;
}

// Inline styles: many mail clients drop <style> blocks. Colours keep WCAG AA contrast on white.
const text = { color: "#1f2933", fontSize: "15px", lineHeight: "22px" };
const muted = { color: "#52606d", fontSize: "13px", lineHeight: "20px" };
const cell = { ...text, padding: "4px 0" };
const amountCell = { ...cell, textAlign: "right" as const, whiteSpace: "nowrap" as const };

function OrderTable({ order }: { order: EmailOrder }) {
  return (
    <Section style={{ margin: "16px 0" }}>
      <Text style={{ ...text, fontWeight: 600, margin: "0 0 8px" }}>Order {order.number}</Text>
      {order.receipt.rows.map((row, index) => (
        <Row key={index}>
          <Column style={cell}>
            {rowLabel(row)}
            {row.kind === "line" && row.quantity > 1 ? <span style={muted}> at {formatMoney(row.unitPrice)} each</span> : null}
          </Column>
          <Column style={amountCell}>{signedMoney(row.amount)}</Column>
        </Row>
      ))}
      <Hr style={{ borderColor: "#cbd2d9", margin: "8px 0" }} />
      <Row>
        <Column style={{ ...cell, fontWeight: 600 }}>Total</Column>
        <Column style={{ ...amountCell, fontWeight: 600 }}>{formatMoney(order.receipt.total)}</Column>
      </Row>
      <Text style={{ ...muted, margin: "4px 0 0" }}>Includes {formatMoney(order.receipt.taxIncluded)} tax.</Text>
    </Section>
  );
}

/** The one frame every email of the shop is drawn in. */
export function EmailLayout({ preview, heading, paragraphs, order, action, shopUrl }: EmailProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f5f7fa", fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", maxWidth: "560px", padding: "24px", borderRadius: "8px" }}>
          <Text style={{ ...text, fontWeight: 700, fontSize: "18px", margin: "0 0 16px" }}>BBSCART</Text>
          <Heading as="h1" style={{ color: "#1f2933", fontSize: "22px", lineHeight: "28px", margin: "0 0 12px" }}>
            {heading}
          </Heading>
          {paragraphs.map((paragraph, index) => (
            <Text key={index} style={text}>
              {paragraph}
            </Text>
          ))}
          {order ? <OrderTable order={order} /> : null}
          {action ? (
            <Section style={{ margin: "20px 0" }}>
              <Button href={action.url} style={{ backgroundColor: "#1d4ed8", color: "#ffffff", fontSize: "15px", padding: "12px 20px", borderRadius: "6px" }}>
                {action.label}
              </Button>
            </Section>
          ) : null}
          <Hr style={{ borderColor: "#e4e7eb", margin: "24px 0 12px" }} />
          <Text style={muted}>
            You receive this email because of your account or order at <Link href={shopUrl}>BBSCART</Link>.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
