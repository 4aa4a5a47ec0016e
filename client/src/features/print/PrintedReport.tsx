/** The whole report as printed: the export model drawn as plain HTML, shown only to the printer (print.css). */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { documentWords } from '../../../../shared/i18n/documentWords.ts';
import type { Block, ExportDocument, Inline } from '../../../../shared/export/model.ts';

function inlines(list: Inline[]): ReactNode[] {
  return list.map((inline, i) => {
    if (inline.kind === 'break') return <br key={i} />;
    if (inline.kind === 'note') {
      return (
        <sup key={i} className="print-note-ref">
          {inline.number}
        </sup>
      );
    }
    let node: ReactNode = inline.text;
    if (inline.bold) node = <strong>{node}</strong>;
    if (inline.italic) node = <em>{node}</em>;
    if (inline.underline) node = <u>{node}</u>;
    if (inline.strike) node = <s>{node}</s>;
    if (inline.href) node = <a href={inline.href}>{node}</a>;
    return <span key={i}>{node}</span>;
  });
}

function blocks(list: Block[]): ReactNode[] {
  return list.map((block, i) => {
    switch (block.kind) {
      case 'paragraph':
        return (
          // i18n-exempt: CSS class names
          <p key={i} dir="auto" className={block.number ? 'print-para print-para--numbered' : 'print-para'}>
            {block.number ? <span className="print-para__number">{block.number}.</span> : null}
            <span className="print-para__text">{inlines(block.inlines)}</span>
          </p>
        );
      case 'heading': {
        // Section titles are h2; the editor's headings (levels 2 to 4) follow below them.
        const Tag = (`h${Math.min(6, block.level + 1)}`) as 'h2';
        return (
          <Tag key={i} dir="auto" className="print-heading">
            {inlines(block.inlines)}
          </Tag>
        );
      }
      case 'list': {
        const Tag = block.ordered ? 'ol' : 'ul';
        return (
          <Tag key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{blocks(item)}</li>
            ))}
          </Tag>
        );
      }
      case 'table':
        return (
          <table key={i} className="print-table">
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => {
                    const Cell = cell.header ? 'th' : 'td';
                    return (
                      <Cell key={c} colSpan={cell.colspan > 1 ? cell.colspan : undefined} rowSpan={cell.rowspan > 1 ? cell.rowspan : undefined}>
                        {blocks(cell.blocks)}
                      </Cell>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        );
      case 'quote':
        return <blockquote key={i}>{blocks(block.blocks)}</blockquote>;
      case 'recommendation':
        return (
          <div key={i} className="print-recommendation">
            {blocks(block.blocks)}
          </div>
        );
      case 'rule':
        return <hr key={i} />;
      case 'image':
        // The printed view shows an image's description; the picture is in the .docx and PDF exports.
        return (
          <p key={i} className="print-image">
            <em>{block.alt ? `[Image: ${block.alt}]` : '[Image]'}</em>
            {block.caption ? ` ${block.caption}` : ''}
          </p>
        );
    }
  });
}

export function PrintedReport({ model }: { model: ExportDocument }) {
  const { t } = useTranslation();
  return (
    <article className="print-report__body" lang={model.language || undefined}>
      <header className="print-cover">
        <h1 dir="auto">{model.title || t('report.untitled')}</h1>
        <dl className="print-cover__lines">
          {model.cover.map((line) => (
            <div key={line.label} className="print-cover__line">
              <dt>{line.label}</dt>
              <dd dir="auto">
                {line.value.split('\n').map((part, i) => (
                  <span key={i} className="print-cover__value">
                    {part}
                  </span>
                ))}
              </dd>
            </div>
          ))}
        </dl>
        {model.wordCountLine && <p className="print-cover__count">{model.wordCountLine}</p>}
      </header>
      {model.sections.map((section) => (
        <section key={section.id} className="print-section">
          <h2 dir="auto" className="print-section__title">
            {section.title || t('outline.untitled')}
          </h2>
          {blocks(section.blocks)}
        </section>
      ))}
      {model.notes.length > 0 && (
        <section className="print-notes">
          {/* The heading exports give the notes, in the report's language (as the cover's labels). */}
          <h2 className="print-section__title">{documentWords(model.language).notesHeading}</h2>
          <ol className="print-notes__list">
            {model.notes.map((note) => (
              <li key={note.number} value={note.number} dir="auto">
                {inlines(note.inlines)}
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
