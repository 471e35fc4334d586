import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { ImportOutlined } from '@ant-design/icons';

const hasFiles = (e: { dataTransfer: DataTransfer | null }) =>
  !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/**
 * Dropping files on an area (the library, the batch screen): the area shows where they will go
 * while a file is dragged over it, and hands the files over on drop.
 */
export function useFileDrop(onFiles: (files: File[]) => void, hint: string) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const handlers = {
    onDragEnter: useCallback((e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current++;
      setOver(true);
    }, []),
    onDragOver: useCallback((e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }, []),
    onDragLeave: useCallback((e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    }, []),
    onDrop: useCallback(
      (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        const files = [...e.dataTransfer.files];
        if (files.length) onFiles(files);
      },
      [onFiles],
    ),
  };
  const overlay = over ? (
    <div className="file-drop-overlay" aria-hidden="true">
      <div className="file-drop-message">
        <ImportOutlined />
        <span>{hint}</span>
      </div>
    </div>
  ) : null;
  return { handlers, overlay };
}

/**
 * A file dropped where nothing takes it would make the window navigate to that file and leave the
 * app (an unsaved edit would be at risk). Outside the drop areas a drop does nothing.
 */
export function useFileDropGuard(): void {
  useEffect(() => {
    const stop = (e: globalThis.DragEvent) => {
      // A drop area handled it already (and said “copy”); elsewhere: no navigation, a “no drop” cursor.
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'none';
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
}
