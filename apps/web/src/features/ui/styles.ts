/** Shared class lists, so every button, panel and input in the shop and the console looks and focuses the same way. */
const focus = "focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 focus-visible:ring-offset-2";

export const button = {
  primary: `inline-flex items-center justify-center gap-2 rounded-lg bg-teal-700 px-4 py-2.5 font-semibold text-white shadow-sm hover:bg-teal-800 disabled:cursor-not-allowed disabled:opacity-60 ${focus}`,
  secondary: `inline-flex items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-800 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60 ${focus}`,
  link: `font-semibold text-teal-700 underline-offset-2 hover:underline disabled:opacity-60 ${focus}`,
  danger: `inline-flex items-center justify-center gap-2 rounded-lg border border-red-300 bg-white px-4 py-2.5 font-semibold text-red-700 hover:bg-red-50 disabled:opacity-60 ${focus}`,
};

export const panel = "rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6";

export const input =
  "rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-600/30 aria-[invalid]:border-red-500";
