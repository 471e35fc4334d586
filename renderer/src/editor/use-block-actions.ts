import { useMemo } from 'react';
import type { SectionId } from '../../../templates/types';
import type { Block } from '../../../shared/model/types';
import { insertBlock, moveBlock, removeBlock } from '../logic/report-edit';
import { updateBlockYears, updateSectionYears, type YearContext } from '../rollover/year-chips';
import { useLatest } from '../hooks/use-latest';

/**
 * The structural edits of a section's blocks (each an undo step of the editor). Stable across
 * renders, so that the memoised blocks do not re-render when another block's text changes.
 */
export interface BlockActions {
  level(index: number, level: 2 | 3): void;
  move(index: number, delta: -1 | 1): void;
  remove(index: number): void;
  insertAfter(index: number): void;
  /** Appends a block and focuses it. */
  add(block: Block, label: string): void;
  /** Moves the years of one paragraph (or one year of it): the 沿用上年 mark stays, it is not a review. */
  years(index: number, start?: number): void;
  sectionYears(): void;
}

export function useBlockActions(
  section: SectionId,
  blocks: Block[],
  years: YearContext | null,
  onStructure: (blocks: Block[], label: string) => void,
  /** A block to focus once the change has rendered. */
  focusLater: (index: number) => void,
): BlockActions {
  const latest = useLatest({ section, blocks, years, onStructure, focusLater });
  return useMemo(() => {
    const change = (next: Block[], label: string, focus?: number) => {
      const l = latest.current;
      if (next === l.blocks) return;
      l.onStructure(next, label);
      if (focus !== undefined) l.focusLater(focus);
    };
    const cur = () => latest.current.blocks;
    return {
      level: (index, level) =>
        change(
          cur().map((b, i) => (i === index && b.type === 'heading' ? { ...b, level } : b)),
          '修改小标题级别',
        ),
      move: (index, delta) => change(moveBlock(cur(), index, delta), delta < 0 ? '上移段落' : '下移段落'),
      remove: (index) => change(removeBlock(cur(), index), '删除段落'),
      insertAfter: (index) =>
        change(insertBlock(cur(), index + 1, { type: 'paragraph', text: '' }), '插入段落', index + 1),
      add: (block, label) => change(insertBlock(cur(), cur().length, block), label, cur().length),
      years: (index, start) => {
        const y = latest.current.years;
        if (y)
          change(
            updateBlockYears(cur(), index, y, latest.current.section, start),
            start === undefined ? '更新本段年份' : '更新年份',
          );
      },
      sectionYears: () => {
        const y = latest.current.years;
        if (y) change(updateSectionYears(cur(), y, latest.current.section), '更新本部分年份');
      },
    };
  }, [latest]);
}
