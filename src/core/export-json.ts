// The v1 document as it leaves Subprocessor Lens (the options page's export, the CLI): each finding
// gains its sentence as `message`, for readers of the file. Storage never holds it, and reading a
// document back drops it: findings are recomputed (core/list.ts).
import { findingText } from './finding-text';
import type { Flag, SubprocessorList, Vendor } from './list';
import type { Translation } from './translate';

export type FlagWithMessage = Flag & { message: string };
export type VendorWithMessages = Omit<Vendor, 'flags'> & { flags: FlagWithMessage[] };

/** A vendor with its findings' sentences in the translation's language. */
export function vendorWithMessages(vendor: Vendor, tr: Translation): VendorWithMessages {
  return { ...vendor, flags: vendor.flags.map((flag) => ({ ...flag, message: findingText(flag, tr) })) };
}

/** The document with every finding's sentence written in the translation's language. */
export function listWithMessages(
  list: SubprocessorList,
  tr: Translation,
): Omit<SubprocessorList, 'vendors'> & { vendors: VendorWithMessages[] } {
  return { ...list, vendors: list.vendors.map((vendor) => vendorWithMessages(vendor, tr)) };
}
