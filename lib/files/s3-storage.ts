import "server-only";
/**
 * Evidence bytes in an S3-compatible bucket (AWS, MinIO, Ceph, R2, ...), behind the same interface
 * as the local disk. Only ciphertext ever arrives here: evidence-store.ts encrypts before put and
 * decrypts after get, so the bucket's operator never sees a file. Keys are checked exactly as on
 * disk, so a forged key never reaches the bucket either.
 */
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import type { StorageSettings } from "@/lib/config/server-env";
import { InvalidStorageKeyError, isStorageKey, MissingStorageObjectError, type EvidenceStorage } from "./storage-contract";

export type S3Settings = Extract<StorageSettings, { kind: "s3" }>;

export class S3Storage implements EvidenceStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket;
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.credentials,
      // Only the checksums S3 requires: many S3-compatible stores refuse the SDK's newer default
      // (CRC32 trailers). Integrity does not depend on them: every file carries its own SHA-256
      // and GCM tag, checked on every read (envelope-encryption.ts).
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      maxAttempts: 3,
      // An unreachable or frozen store must fail an upload or download, not hang the request.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  }

  private checked(key: string): string {
    if (!isStorageKey(key)) throw new InvalidStorageKeyError();
    return key;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    // A PUT is atomic in S3: readers see the old object or the whole new one, never a part.
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.checked(key), Body: bytes, ContentType: "application/octet-stream", ContentLength: bytes.byteLength }));
  }

  async get(key: string): Promise<Buffer> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.checked(key) }));
      if (!answer.Body) throw new MissingStorageObjectError();
      return Buffer.from(await answer.Body.transformToByteArray());
    } catch (error) {
      // Only a missing key: a missing bucket (also a 404) is a configuration fault, not a lost file.
      if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.name === "NoSuchKey")) throw new MissingStorageObjectError();
      throw error;
    }
  }

  /** Deleting a key that is already gone is not an error (S3 answers 204 either way). */
  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.checked(key) }));
  }

  /** Frees the client's sockets (scripts and tests; the app keeps one client for its lifetime). */
  close(): void {
    this.client.destroy();
  }
}
