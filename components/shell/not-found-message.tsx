import Link from "next/link";

/** The 404 text; the caller supplies the landmark (the app and portal layouts already have a main). */
export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-md py-10 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">This page does not exist</h1>
      <p className="mt-2 text-sm text-slate-600">The address may be mistyped, or the record may have been removed or belong to someone else.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        Go to your home page
      </Link>
    </div>
  );
}
