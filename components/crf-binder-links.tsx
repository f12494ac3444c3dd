/** The study's forms for the protocol binder: blank to fill by hand, or annotated with export variables and SDTM targets. */
export function CrfBinderLinks() {
  return (
    <section className="card no-print" aria-labelledby="binder-heading">
      <h2 id="binder-heading">Protocol binder</h2>
      <p>
        <a href="/crf-binder/blank" download>
          Blank case report forms (PDF)
        </a>
        {" · "}
        <a href="/crf-binder/annotated" download>
          Annotated case report forms (PDF)
        </a>
      </p>
    </section>
  );
}
