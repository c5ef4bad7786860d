import { customType } from "drizzle-orm/pg-core";

/** Raw bytes (an uploaded file), read back as a Buffer from either driver. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});
