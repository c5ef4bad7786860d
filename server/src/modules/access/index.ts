/** What tests and scripts outside the server may call directly (e.g. to create accounts). */
export { grantAccess } from "./users.service.ts";
