/** An entry's ProseMirror JSON as plain React elements (the few structures a library entry may hold). */
import type { ReactNode } from 'react';
import type { PmNode } from '../../../../shared/report/content.ts';
import { safeLinkHref } from '../../../../shared/schema/linkPolicy.ts';

function inline(node: PmNode, key: number): ReactNode {
  if (node.type === 'hardBreak') return <br key={key} />;
  let out: ReactNode = node.text ?? '';
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') out = <strong>{out}</strong>;
    else if (mark.type === 'italic') out = <em>{out}</em>;
    else if (mark.type === 'underline') out = <u>{out}</u>;
    else if (mark.type === 'link') {
      const href = safeLinkHref(mark.attrs?.href);
      if (href) out = <a href={href} rel="noopener noreferrer nofollow" target="_blank">{out}</a>;
    }
  }
  return <span key={key}>{out}</span>;
}

function block(node: PmNode, key: number): ReactNode {
  const children = (node.content ?? []).map((c, i) => (c.type === 'text' || c.type === 'hardBreak' ? inline(c, i) : block(c, i)));
  switch (node.type) {
    case 'heading':
      return <h3 key={key}>{children}</h3>;
    case 'bulletList':
      return <ul key={key}>{children}</ul>;
    case 'orderedList':
      return <ol key={key}>{children}</ol>;
    case 'listItem':
      return <li key={key}>{children}</li>;
    case 'blockquote':
      return <blockquote key={key}>{children}</blockquote>;
    case 'paragraph':
      return <p key={key}>{children}</p>;
    default:
      return <div key={key}>{children}</div>;
  }
}

export function ModelText({ content }: { content: PmNode }) {
  return <div className="model-text">{(content.content ?? []).map(block)}</div>;
}
