import { engineLabel } from "../lib/engine-label";
import { trpc } from "../lib/trpc";

export function HomePage() {
  const info = trpc.system.info.useQuery();
  return (
    <div className="page">
      <header className="site-header">
        <a className="brand" href="/">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>BBSCART</span>
        </a>
      </header>
      <main className="hero">
        <h1>Everyday essentials, delivered.</h1>
        <p className="lede">Fresh groceries, home care and more — priced fairly, never oversold.</p>
      </main>
      <footer className="site-footer" aria-live="polite">
        {info.isPending && <span>Connecting to the store…</span>}
        {info.isError && <span role="alert">The store is unreachable right now. Please try again shortly.</span>}
        {info.data && (
          <span data-testid="system-info">
            {info.data.name} {info.data.version} · running on{" "}
            <strong data-testid="engine">{engineLabel(info.data.engine)}</strong>
          </span>
        )}
      </footer>
    </div>
  );
}
