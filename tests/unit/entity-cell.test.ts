import { describe, expect, it } from 'vitest';
import { parseEntityCell } from '../../src/core/entity-cell';
import { loadLexicon } from '../../scripts/lexicon';

const lexicon = loadLexicon();

describe('parseEntityCell', () => {
  it.each([
    // [cell text, name, aliases, first address]
    // A blank line ends the name; a full stop then a place ends it too, but not that of "St.".
    ['China Aerodynamics Research and Development Center (CARDC).\n \n Sichuan Province.', 'China Aerodynamics Research and Development Center (CARDC)', [], 'Sichuan Province.'],
    ['Safinat Group. South Sudan.', 'Safinat Group', [], 'South Sudan'],
    ['Juba Petrotech Technical Services Ltd. South Sudan.', 'Juba Petrotech Technical Services Ltd.', [], 'South Sudan'],
    ['APEX St. Petersburg, 140 Leninsky Prospekt, Office 57, St. Petersburg, Russia.', 'APEX St. Petersburg', [], '140 Leninsky Prospekt, Office 57, St. Petersburg, Russia.'],
    ['Abdul Satar Ghoura, 501, 5th Floor, Kabul, Afghanistan.', 'Abdul Satar Ghoura', [], '501, 5th Floor, Kabul, Afghanistan.'],
    ['Huawei Cloud Argentina, Buenos Aires, Argentina.', 'Huawei Cloud Argentina', [], 'Buenos Aires, Argentina.'],
    ['Hua Ying Management Co. Limited, Tsim Sha Tsui, Hong Kong.', 'Hua Ying Management Co. Limited', [], 'Tsim Sha Tsui, Hong Kong.'],
    ['Beijing Ltd Co., Ltd., No. 3 Road, Beijing.', 'Beijing Ltd Co., Ltd.', [], 'No. 3 Road, Beijing.'],
    [
      'Academy of Military Medical Sciences, Institute of Basic Medicine, 27 Taiping Road, Beijing, China.',
      'Academy of Military Medical Sciences, Institute of Basic Medicine',
      [],
      '27 Taiping Road, Beijing, China.',
    ],
    [
      'Hangzhou Hikvision Digital Technology Co., Ltd., a.k.a., the following one alias:\n—Hikvision.\n \n No. 555 Qianmo Road, Hangzhou; and 700 Dongliu Road, Hangzhou, China.',
      'Hangzhou Hikvision Digital Technology Co., Ltd.',
      ['Hikvision'],
      'No. 555 Qianmo Road, Hangzhou',
    ],
    [
      'Fazal Rahim Farid, a.k.a., the following three aliases:\n—Fazel Rahim Farid;\n—Farid; and\n—Engineer Idris.\n \n Kabul, Afghanistan.',
      'Fazal Rahim Farid',
      ['Fazel Rahim Farid', 'Farid', 'Engineer Idris'],
      'Kabul, Afghanistan.',
    ],
    ['Gazprom Flot, OOO (f.k.a., Obshchestvo S Ogranichennoi Otvetstvennostyu Gazflot), Moscow.', 'Gazprom Flot, OOO', ['Obshchestvo S Ogranichennoi Otvetstvennostyu Gazflot'], 'Moscow.'],
    ['Mesbah Energy Company (a.k.a. “MEC”), P.O. Box 1, Tehran, Iran.', 'Mesbah Energy Company', ['MEC'], 'P.O. Box 1, Tehran, Iran.'],
  ])('%s', (cell, name, aliases, firstAddress) => {
    const parsed = parseEntityCell(cell, lexicon);
    expect(parsed.name).toBe(name);
    expect(parsed.aliases).toEqual(aliases);
    expect(parsed.addresses[0]).toBe(firstAddress);
  });

  it('drops the list’s own prose from an alias', () => {
    const parsed = parseEntityCell(
      'Huawei Technologies Co., Ltd., a.k.a., the following two aliases:\n—Shenzhen Huawei Technologies; and\n—Huawei Technology, and to include the following addresses and the following 22 affiliated entities:\n \n Shenzhen, China.',
      lexicon,
    );
    expect(parsed.aliases).toEqual(['Shenzhen Huawei Technologies', 'Huawei Technology']);
  });

  it.each([
    // Labels the source left where an alias should be.
    ['Physike Technology Co., Ltd., a.k.a., the following three aliases:\n—and the following three aliases;\n—Physike; and\n—the follow three aliases.\n \n Shenzhen, China.', ['Physike']],
    ['CETC 38, a.k.a., the following alias:\n—and seven subordinate institutions;\n—the following six aliaes.\n \n Hefei, China.', []],
    // "a.k.a."/"f.k.a." inside an alias line: two names.
    ['Almaz, a.k.a., the following two aliases:\n—a.k.a. Almaz-Antey GSKB;\n—JSC Almaz MSDB, f.k.a., Otkrytoe Aktsionernoe Obshchestvo Almaz.\n \n Moscow, Russia.', ['Almaz-Antey GSKB', 'JSC Almaz MSDB', 'Otkrytoe Aktsionernoe Obshchestvo Almaz']],
  ])('drops list labels and splits a.k.a. inside aliases: %s', (cell, aliases) => {
    expect(parseEntityCell(cell, lexicon).aliases).toEqual(aliases);
  });

  it.each([
    [
      'Brilliance Technology Ltd, a.k.a., Brilliance Technology Group, Flat A, 11/F, Adolfo Mansion, 114-116 Austin Road, Tsim Sha Tsui, Yau Tsim Mong, Hong Kong; and Rm. 1203, 12/F, Hip Kwan Commercial Bldg., 38 Pitt Street, Yau Ma Tei, Yau Tsim Mong, Hong Kong',
      'Brilliance Technology Group',
      'Flat A',
    ],
    ['Federal SUE Shipyard ‘Morye’, a.k.a., the following one alias:\n—More Shipyard. 1 Desantnikov Street, Feodosia, Crimea 98176, Ukraine.', 'More Shipyard', '1 Desantnikov Street'],
    ['CASIC 3rd Academy, a.k.a., the following one alias:\n—China Aerospace Science and Industry Corporation, 31 Research Institute.\n \n Beijing, China.', 'China Aerospace Science and Industry Corporation, 31 Research Institute', null],
  ])('moves an address run into an alias to the addresses: %s', (cell, alias, address) => {
    const parsed = parseEntityCell(cell, lexicon);
    expect(parsed.aliases).toEqual([alias]);
    if (address) expect(parsed.addresses.some((a) => a.startsWith(address))).toBe(true);
  });
});
