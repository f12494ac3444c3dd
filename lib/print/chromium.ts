/**
 * How every part of the project starts Debian's Chromium (PDFs, e2e tests, the page-weight
 * bench); nothing is downloaded. CHROMIUM_PATH points elsewhere when needed.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  // Without the background-networking flags Chromium keeps trying to reach the closed network.
  args: [
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
