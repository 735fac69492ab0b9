/**
 * Runs inside the extension's library page during the bench (bundled by library.ts): generates
 * deterministic government-style articles and imports them through Qingdu's real import path,
 * then times Qingdu's real search.
 */
import { importFile } from '@/utils/library/transfer';
import { listArticles, facets, refreshFirstPage } from '@/utils/library/store';
import { SCHEMA_VERSION } from '@/utils/library/db';

const WORDS = (
  '坚持 发展 改革 推进 建设 加强 完善 落实 全面 深化 创新 协调 绿色 开放 共享 经济 社会 文化 生态 政治 ' +
  '人民 群众 政府 部门 机关 单位 企业 市场 主体 服务 管理 监督 保障 安全 稳定 质量 效益 结构 体系 机制 ' +
  '制度 政策 规划 方案 措施 任务 目标 要求 标准 规范 工作 会议 报告 通知 意见 决定 办法 条例 规定 实施 ' +
  '乡村 振兴 城市 区域 产业 农业 工业 科技 教育 卫生 健康 医疗 养老 就业 收入 住房 交通 能源 水利 环境 ' +
  '数字 网络 信息 数据 平台 项目 资金 投资 消费 外贸 营商 优化 提升 推动 促进 保护 治理 防范 风险 化解 ' +
  '基层 党建 组织 干部 作风 廉政 法治 依法 行政 公开 透明 高效 便民 审批 改进 调研 督查 考核 评估 统筹 ' +
  '省委 省政府 市委 市政府 县区 街道 社区 村镇 湖北 武汉 长江 流域 中部 地区 全国 国家 国务院 办公厅 各级 ' +
  '进一步 切实 扎实 大力 积极 稳妥 有序 持续 重点 难点 热点 关键 核心 基础 长效 综合 专项 联合 年度 季度'
).split(' ');
const RARE = '龢龤鼗鼙鼯鼱鼷齁齄齉齌齑齘齚齛齮齰齴齵齶齷齸齹齺齻齼齽齾龁龂龃龄龅龆龇龈龉龊龋龌龏龐龑龒龓龔龗龘龛龜';

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The unique phrase of article `i`: three rare characters no other article has in that order. */
export function rarePhrase(i: number): string {
  const n = RARE.length;
  return `${RARE[i % n]}${RARE[Math.floor(i / n) % n]}${RARE[Math.floor(i / n / n) % n]}`;
}

function articleText(i: number, chars: number): string {
  const rand = seeded(i + 1);
  let text = `项目代号${rarePhrase(i)}。`;
  let sentence = 0;
  while (text.length < chars) {
    const words = 6 + Math.floor(rand() * 10);
    for (let w = 0; w < words; w++) text += WORDS[Math.floor(rand() * WORDS.length)] + (w === words - 1 ? '。' : rand() < 0.2 ? '，' : '');
    if (++sentence % 5 === 0) text += '\n\n';
  }
  return text.slice(0, chars);
}

/** Imports articles [from, to) in one transaction, through Qingdu's import. */
export async function seed(from: number, to: number, chars: number): Promise<number> {
  const base = Date.UTC(2024, 0, 1);
  const articles = [];
  for (let i = from; i < to; i++) {
    const text = articleText(i, chars);
    const year = 2015 + (i % 10);
    articles.push({
      url: `https://www.site${i % 40}.gov.cn/art/${year}/${i}.html`,
      canonicalUrl: `https://www.site${i % 40}.gov.cn/art/${year}/${i}.html`,
      title: `关于第${i}号${WORDS[i % WORDS.length]}${WORDS[(i * 7) % WORDS.length]}工作的通知`,
      siteName: `第${i % 40}号政府网站`,
      source: '办公厅',
      agency: '',
      publishedAt: `${year}-0${1 + (i % 9)}-1${i % 10}`,
      docNumber: `鄂政发〔${year}〕${i}号`,
      savedAt: new Date(base + i * 60_000).toISOString(),
      updatedAt: new Date(base + i * 60_000).toISOString(),
      script: 'original',
      tags: i % 10 === 0 ? ['重点'] : [],
      note: '',
      text,
      originalText: text,
    });
  }
  const json = JSON.stringify({ format: 'qingdu-library', schemaVersion: SCHEMA_VERSION, exportedAt: new Date().toISOString(), articles });
  const result = await importFile('bench.json', json);
  // What the library page's import does next: the popup's kept first page follows the library.
  await refreshFirstPage();
  return result.added + result.updated;
}

export async function count(): Promise<number> {
  return (await facets()).count;
}

/** Times one search through Qingdu's library API; returns ms and the number of results. */
export async function timeSearch(query: string): Promise<{ ms: number; results: number }> {
  const start = performance.now();
  const { items } = await listArticles({ query, limit: 50 });
  return { ms: performance.now() - start, results: items.length };
}
