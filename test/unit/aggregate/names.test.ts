import { describe, expect, it } from 'vitest';
import { isOwnName, nameMatch, placeNames, unitKey, rosterFromNames, guessKind } from '../../../shared/aggregate/index';

describe('unit names', () => {
  it('place names of a government, most general first', () => {
    expect(placeNames('云溪县人民政府')).toEqual(['云溪县']);
    expect(placeNames('淮安市洪泽区人民政府')).toEqual(['淮安市', '洪泽区']);
    expect(placeNames('淮安市人民政府办公室')).toEqual(['淮安市']);
    expect(placeNames('某某藏族自治州某某县人民政府')).toEqual(['某某藏族自治州', '某某县']);
  });

  it('keys drop the places, notes, widths and 人民政府', () => {
    const places = placeNames('淮安市洪泽区人民政府');
    expect(unitKey('淮安市洪泽区财政局', places)).toBe('财政局');
    expect(unitKey('洪泽区财政局（区国资办）', places)).toBe('财政局');
    expect(unitKey(' 洪泽 区 财政局 ', places)).toBe('财政局');
    expect(unitKey('洪泽财政局', places)).toBe('财政局');
    expect(unitKey('高良涧街道办事处', places)).toBe('高良涧街道');
    expect(unitKey('洪泽区老子山镇人民政府', places)).toBe('老子山镇');
  });

  it('a township named after the county keeps its name', () => {
    const places = placeNames('云溪县人民政府');
    expect(unitKey('云溪镇人民政府', places)).toBe('云溪镇');
    expect(unitKey('云溪县云溪镇人民政府', places)).toBe('云溪镇');
    expect(nameMatch('云溪镇', '云溪县人民政府', places)).toBe(0);
  });

  it('matches the usual ways of writing a unit, and not different units', () => {
    const places = placeNames('云溪县人民政府');
    expect(nameMatch('云溪县财政局', '财政局', places)).toBe(2);
    expect(nameMatch('云溪县财政局', '县财政局', places)).toBe(1);
    expect(nameMatch('云溪县市场监督管理局', '县市场监督管理局', places)).toBe(1);
    expect(nameMatch('市场监督管理局', '云溪县市场监督管理局', places)).toBe(2);
    expect(nameMatch('城关镇人民政府', '云溪县城关镇', places)).toBe(2);
    expect(nameMatch('云溪县财政局', '云溪县税务局', places)).toBe(0);
    expect(nameMatch('云溪县农业农村局', '云溪县农业农村局党组', places)).toBe(0);
    expect(nameMatch('云溪县教育局', '白石县教育局', places)).toBe(0);
  });

  it('the government itself and its general office are 本级', () => {
    expect(isOwnName('云溪县人民政府', '云溪县人民政府')).toBe(true);
    expect(isOwnName('云溪县人民政府办公室', '云溪县人民政府')).toBe(true);
    expect(isOwnName('县政府办公室', '云溪县人民政府')).toBe(true);
    expect(isOwnName('云溪县财政局', '云溪县人民政府')).toBe(false);
    expect(isOwnName('城关镇人民政府', '云溪县人民政府')).toBe(false);
  });

  it('a roster from a pasted list: numbering, separators and repeats handled; kinds guessed', () => {
    const gov = { agency: { name: '云溪县人民政府', kind: 'government' as const } };
    const list = rosterFromNames(
      '1. 云溪县财政局\n2、县教育局\n\n城关镇人民政府\t白石乡\n云溪县财政局\n高桥街道办事处',
      [],
      gov,
    );
    expect(list.map((e) => e.name)).toEqual(['云溪县财政局', '县教育局', '城关镇人民政府', '白石乡', '高桥街道办事处']);
    expect(list.map((e) => e.kind)).toEqual(['department', 'department', 'township', 'township', 'township']);
    expect(rosterFromNames('财政局', list, gov)).toEqual([]);
    expect(guessKind('云溪县人民政府')).toBe('government');
  });
});
