// The badge's colours, apart from the code that uses the browser API so tests can import them.
// Colour reads as a verdict: slate for "known vendor", amber and red only for real findings.
// Each pairs with its text colour at a contrast of at least 4.5:1.
export const BADGE_COLORS = {
  vendor: { color: '#475569', textColor: '#ffffff' },
  warning: { color: '#b45309', textColor: '#ffffff' },
  risk: { color: '#b91c1c', textColor: '#ffffff' },
  hostedOn: { color: '#e2e8f0', textColor: '#1e293b' },
} as const;
