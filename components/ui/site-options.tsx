/** A site select's choices, "TW01 Name" each, valued by the site's id. */
export function SiteOptions({ sites }: { sites: readonly { id: string; code: string; name: string }[] }) {
  return sites.map((site) => (
    <option key={site.id} value={site.id}>
      {site.code} {site.name}
    </option>
  ));
}
