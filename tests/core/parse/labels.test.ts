// Header and label words in other languages (assets/data/list-labels.json).
import { describe, expect, it } from 'vitest';
import { normalizeLocation } from '../../../src/core/normalize/location';
import { classifyLabel } from '../../../src/core/parse/fields';
import { isListHeading } from '../../../src/core/parse/labels';
import { byName, parseOk } from '../../support/fixture-lists';

describe('labels in eight languages', () => {
  it.each([
    ['Unterauftragsverarbeiter', 'name'],
    ['Anbieter', 'name'],
    ['Sitz', 'location'],
    ['Standort', 'location'],
    ['Zweck', 'use'],
    ['Zweck der Datenverarbeitung', 'use'],
    ['Verarbeitete Daten', 'data'],
    ['Sous-traitant', 'name'],
    ['Localisation', 'location'],
    ['Finalité', 'use'],
    ['Données traitées', 'data'],
    ['Subencargado', 'name'],
    ['Ubicación', 'location'],
    ['Finalidad', 'use'],
    ['Sub-responsabile', 'name'],
    ['Sede', 'location'],
    ['Finalità', 'use'],
    ['Subverwerker', 'name'],
    ['Locatie', 'location'],
    ['Doel', 'use'],
    ['Suboperador', 'name'],
    ['Localização', 'location'],
    ['Finalidade', 'use'],
    ['委託先', 'name'],
    ['委託業務の内容', 'use'],
    ['データの保存場所', 'location'],
    ['取り扱うデータ', 'data'],
    ['수탁업체', 'name'],
    ['위탁 업무 내용', 'use'],
    ['이전 국가', 'location'],
  ])('%s is %s', (label, field) => {
    expect(classifyLabel(label)).toBe(field);
  });

  it('knows headings that name the list itself', () => {
    expect(isListHeading('Liste der Unterauftragsverarbeiter')).toBe(true);
    expect(isListHeading('サブプロセッサー一覧')).toBe(true);
    expect(isListHeading('Hetzner Online GmbH')).toBe(false);
  });

  it('finds the country on the last line of a postal address, in the list’s language', () => {
    const html = `<!doctype html><table><tr><th>Anbieter</th><th>Zweck</th><th>Sitz</th></tr>
      <tr><td>IONOS SE</td><td>E-Mail</td><td>Elgendorfer Str. 57<br>56410 Montabaur<br>Deutschland</td></tr>
      <tr><td>Stripe Payments Europe, Limited</td><td>Zahlungen</td><td>1 Grand Canal Street Lower<br>Dublin, D02 H210<br>Irland</td></tr></table>`;
    const list = parseOk(html);
    expect(byName(list, 'IONOS SE').location).toEqual({
      text: 'Elgendorfer Str. 57, 56410 Montabaur, Deutschland',
      country: 'DE',
    });
    expect(byName(list, 'Stripe Payments Europe, Limited').location.country).toBe('IE');
  });

  it('reads an address’s last line past a postal code or a state named like a country', () => {
    expect(normalizeLocation('38 Avenue John F. Kennedy, L-1855 Luxemburgo').country).toBe('LU');
    expect(normalizeLocation('Atlanta, Georgia, Estados Unidos').country).toBe('US');
    // Lists of places are not addresses: no single country.
    expect(normalizeLocation('Paris, France; Berlin, Germany').country).toBeNull();
    expect(normalizeLocation('Germany, France, United States').country).toBeNull();
  });
});
