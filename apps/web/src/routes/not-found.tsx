import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <section className="py-16 text-center">
      <h1 className="text-2xl font-bold">We could not find that page</h1>
      <p className="mt-2 text-slate-600">It may have moved, or the link may be mistyped.</p>
      <Link to="/" className="mt-6 inline-block font-semibold text-teal-700 hover:underline">
        Back to the shop
      </Link>
    </section>
  );
}
