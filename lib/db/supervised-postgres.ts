import { startEmbeddedPostgres, type EmbeddedServer, type EmbeddedServerOptions } from "./embedded-postgres";
import { restartDelayMs } from "./restart-backoff";

/**
 * The embedded PostgreSQL, started again whenever it exits without being asked to (the OOM
 * killer, a crash). PostgreSQL's own crash recovery replays the WAL on start, so every
 * committed transaction is back; the app's pg pool discards the dead connections and opens
 * new ones on the next query, so the app itself is never restarted. stop() marks the exit as
 * wanted first: a clean shutdown is never taken for a crash.
 */
export interface SupervisedPostgres extends EmbeddedServer {
  /** Times the server was started again after an unexpected exit. */
  readonly restarts: number;
  /**
   * From now on an exit is wanted. Called as soon as a shutdown begins: Ctrl-C in a terminal
   * reaches the postmaster too (same process group), and its exit must not be "restarted".
   */
  expectExit(): void;
}

export interface SupervisionOptions extends EmbeddedServerOptions {
  /** One line per event: the exit, each attempt, the recovery. */
  report: (line: string) => void;
  /** Milliseconds to wait before restart attempt n (tests shorten it). */
  delayMs?: (attempt: number) => number;
}

export async function startSupervisedPostgres(options: SupervisionOptions): Promise<SupervisedPostgres> {
  const delayMs = options.delayMs ?? restartDelayMs;
  let server = await startEmbeddedPostgres(options);
  let stopping = false;
  let restarts = 0;
  let recovering: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;

  async function restart(exitedAt: number): Promise<void> {
    for (let attempt = 1; !stopping; attempt++) {
      const wait = delayMs(attempt);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        wakeUp = () => (clearTimeout(timer), resolve());
      });
      wakeUp = null;
      if (stopping) return;
      options.report(`Embedded PostgreSQL: restart attempt ${attempt} (after ${wait} ms)...`);
      try {
        // Never `fresh`: the data folder is exactly what crash recovery needs.
        server = await startEmbeddedPostgres({ ...options, fresh: false });
      } catch (error) {
        options.report(
          `Embedded PostgreSQL: restart attempt ${attempt} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        continue;
      }
      restarts++;
      options.report(
        `Embedded PostgreSQL: running again (pid ${server.pid}) ${((Date.now() - exitedAt) / 1000).toFixed(1)} s after it exited; crash recovery replayed the WAL.`,
      );
      watch(server);
      if (stopping) await server.stop();
      return;
    }
  }

  function watch(current: EmbeddedServer): void {
    void current.exited.then(({ code, signal }) => {
      if (stopping || current !== server) return;
      options.report(
        `Embedded PostgreSQL (pid ${current.pid}) exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); starting it again.`,
      );
      recovering = restart(Date.now()).finally(() => (recovering = null));
    });
  }
  watch(server);

  function expectExit(): void {
    stopping = true;
    wakeUp?.();
  }

  return {
    port: options.port,
    get clusterDir() {
      return server.clusterDir;
    },
    get pid() {
      return server.pid;
    },
    get exited() {
      return server.exited;
    },
    get restarts() {
      return restarts;
    },
    get appRole() {
      return server.appRole;
    },
    urlFor: (database) => server.urlFor(database),
    ensureDatabase: (database) => server.ensureDatabase(database),
    expectExit,
    async stop() {
      expectExit();
      // An attempt already under way finishes (and stops what it started) before we return.
      await recovering;
      await server.stop();
    },
  };
}
