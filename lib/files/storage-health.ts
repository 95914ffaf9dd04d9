import "server-only";
import { randomBytes } from "node:crypto";
import { defaultStorage, newStorageKey, type EvidenceStorage } from "./storage";

/** Writes, reads back and deletes a small probe object, with a deadline; never throws. */
export async function checkStorage(storage: EvidenceStorage = defaultStorage(), timeoutMs = 2000): Promise<{ ok: boolean; error?: string }> {
  const key = newStorageKey();
  const probe = randomBytes(16);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      (async () => {
        await storage.put(key, probe);
        const back = await storage.get(key);
        if (!back.equals(probe)) throw new Error("read back different bytes");
      })(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timed out")), timeoutMs);
      }),
    ]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message.split("\n")[0] : "unavailable" };
  } finally {
    clearTimeout(timer);
    await storage.delete(key).catch(() => {});
  }
}
