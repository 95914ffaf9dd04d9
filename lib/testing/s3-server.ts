/**
 * A real S3-compatible server for tests (s3rver: the S3 REST API over a temp directory), on a free
 * port chosen by the OS. Its fixed credentials are s3rver's own (S3RVER / S3RVER); it checks
 * request signatures, so a client with wrong credentials fails as it would against S3.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3Settings } from "@/lib/files/s3-storage";

export interface TestS3Server {
  settings: S3Settings;
  /** Where s3rver keeps the objects, to look at what the bucket really holds. */
  directory: string;
  stop(): Promise<void>;
}

/** `otherBuckets` are created too (empty), on the same server and credentials. */
export async function startS3Server(bucket = "vetta-evidence", otherBuckets: string[] = []): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), "vetta-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [bucket, ...otherBuckets].map((name) => ({ name })) });
  const { port } = await server.run();
  return {
    settings: {
      kind: "s3",
      bucket,
      endpoint: `http://127.0.0.1:${port}`,
      region: "us-east-1",
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      forcePathStyle: true,
    },
    directory,
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
