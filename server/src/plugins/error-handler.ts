import type { FastifyError, FastifyInstance } from "fastify";
import type { Problem } from "../contract/index.ts";
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from "../errors.ts";

function send(reply: import("fastify").FastifyReply, problem: Problem) {
  return reply.status(problem.status).type("application/problem+json").send(problem);
}

/** Each domain error, and the status and title it answers with. */
const DOMAIN_ERRORS = [
  { type: NotFoundError, status: 404, title: "Not found" },
  { type: ConflictError, status: 409, title: "Conflict" },
  { type: ForbiddenError, status: 403, title: "Forbidden" },
  { type: BadRequestError, status: 400, title: "Bad request" },
] as const;

/** One error policy: problem+json naming what was wrong; never a stack trace or SQL. */
export function registerErrorHandler(app: FastifyInstance, options: { serveSpa: boolean }): void {
  app.setErrorHandler((thrown: unknown, request, reply) => {
    const error = thrown as FastifyError;
    const known = DOMAIN_ERRORS.find((candidate) => thrown instanceof candidate.type);
    if (known) {
      const parameter = thrown instanceof BadRequestError ? thrown.parameter : undefined;
      return send(reply, {
        type: "about:blank",
        title: known.title,
        status: known.status,
        detail: error.message,
        instance: request.url,
        ...(parameter ? { parameter } : {}),
      });
    }
    if (error.code?.startsWith("FST_CSRF")) {
      return send(reply, {
        type: "about:blank",
        title: "Forbidden",
        status: 403,
        detail: "Missing or invalid X-CSRF-Token header: fetch /api/auth/session for one.",
        instance: request.url,
      });
    }
    if (error.validation) {
      const first = error.validation[0];
      const parameter = first
        ? ((first.instancePath.replace(/^\//, "") ||
            (first.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ||
            (first.params as { additionalProperty?: string }).additionalProperty ||
            error.validationContext) ??
          undefined)
        : undefined;
      return send(reply, {
        type: "about:blank",
        title: "Bad request",
        status: 400,
        detail: `Invalid ${error.validationContext ?? "request"}${parameter ? ` parameter "${parameter}"` : ""}: ${first?.message ?? error.message}`,
        instance: request.url,
        ...(parameter ? { parameter } : {}),
      });
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, "unhandled error");
    return send(reply, {
      type: "about:blank",
      title: status === 500 ? "Internal server error" : error.name,
      status,
      detail: status === 500 ? "Something went wrong on our side. It has been logged." : error.message,
      instance: request.url,
    });
  });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes: any non-API GET that is not a file gets the SPA, which shows its own 404.
    if (options.serveSpa && request.method === "GET" && !request.url.startsWith("/api/")) {
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    return send(reply, {
      type: "about:blank",
      title: "Not found",
      status: 404,
      detail: `No route ${request.method} ${request.url.split("?")[0]}`,
      instance: request.url,
    });
  });
}
