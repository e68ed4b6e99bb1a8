import { Link } from "react-router";

export function HomePage() {
  return (
    <section className="rounded-2xl bg-gradient-to-br from-teal-700 to-teal-900 px-6 py-12 text-white sm:px-12 sm:py-16">
      <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">Everyday essentials, delivered.</h1>
      <p className="mt-3 max-w-xl text-lg text-teal-50">Fresh groceries, home care and more — priced fairly, never oversold.</p>
      <Link to="/search" className="mt-6 inline-block rounded-lg bg-white px-5 py-2.5 font-semibold text-teal-800 hover:bg-teal-50">
        Start shopping
      </Link>
    </section>
  );
}
