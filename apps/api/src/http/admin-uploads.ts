import { Router, type Request, type Response } from "express";
import multer from "multer";
import type { Services } from "../services/index.js";
import { adminGate, failWith } from "./admin-gate.js";

const fail = (res: Response, status: number, code: string, message: string) => failWith(res, status, code, message, "file");

/**
 * `POST /api/admin/uploads`: one product image as multipart field `file`, for admins holding
 * `catalog.manage` — the same Bearer token, user loading and admin rule as the tRPC procedures.
 * The caller is checked before the body is read, so strangers cannot make us buffer anything.
 * Answers 201 `{ key, url }`; 413 past `maxBytes`, 415 for anything but JPEG, PNG or WebP.
 */
export function adminUploadRoutes(services: Services, maxBytes: number): Router {
  const routes = Router();
  const parse = multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } }).single("file");

  const authorise = adminGate(services, "catalog.manage", "file");

  /** The uploaded file, or null once a refusal was sent. With memory storage every parse error is the client's body. */
  const receive = (req: Request, res: Response) =>
    new Promise<Express.Multer.File | null>((resolve) => {
      parse(req, res, (error: unknown) => {
        if (error instanceof multer.MulterError && error.code === "LIMIT_FILE_SIZE") {
          fail(res, 413, "PAYLOAD_TOO_LARGE", `Image must be at most ${maxBytes} bytes`);
        } else if (error) fail(res, 400, "BAD_REQUEST", `file: ${(error as Error).message}`);
        else if (!req.file) fail(res, 400, "BAD_REQUEST", 'file is required (multipart/form-data, field "file")');
        resolve(error || !req.file ? null : req.file);
      });
    });

  routes.post("/api/admin/uploads", authorise, async (req, res) => {
    const file = await receive(req, res);
    if (!file) return;
    const stored = await services.catalog.uploadImage(file.buffer);
    if (!stored.ok) return fail(res, 415, "UNSUPPORTED_MEDIA_TYPE", stored.error.message);
    res.status(201).json(stored.value);
  });
  return routes;
}
