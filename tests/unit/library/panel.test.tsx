import { describe, expect, it } from 'vitest';
import { render, screen, fireEvent, waitFor } from '@testing-library/preact';
import './helpers';
import { article } from './helpers';
import { saveArticle, library, wipeLibrary } from '@/utils/library/store';
import { LibraryPanel } from '@/components/library/LibraryPanel';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('LibraryPanel', () => {
  it('lists newest first, shows a hostile title as text, searches and deletes with 撤销', async () => {
    const db = await library();
    await wipeLibrary(db);
    await saveArticle(article('old', { savedAt: 1000, title: '旧通知', text: '关于本田汽车的说明' }), db);
    await saveArticle(article('new', { savedAt: 2000, title: HOSTILE, text: '基本情况' }), db);
    const { container } = render(<LibraryPanel />);
    await waitFor(() => expect(container.querySelectorAll('.lib-item')).toHaveLength(2));
    const titles = () => Array.from(container.querySelectorAll('.lib-list .lib-title')).map((el) => el.textContent);
    expect(titles()).toEqual([HOSTILE, '旧通知']);
    expect(container.querySelector('img')).toBeNull();

    fireEvent.input(screen.getByLabelText('搜索收藏'), { target: { value: '本田' } });
    await waitFor(() => expect(titles()).toEqual(['旧通知']));

    fireEvent.input(screen.getByLabelText('搜索收藏'), { target: { value: '' } });
    await waitFor(() => expect(titles()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: '删除《旧通知》' }));
    await waitFor(() => expect(titles()).toEqual([HOSTILE]));
    fireEvent.click(screen.getByRole('button', { name: '撤销' }));
    await waitFor(() => expect(titles()).toEqual([HOSTILE, '旧通知']));
  });
});
