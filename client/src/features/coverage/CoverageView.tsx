/**
 * Coverage: the mechanism's substantive articles, the 17 SDGs and (UPR) the UPR themes against the report. Each
 * item says whether the report addresses it (a written section tagged with it, a tagged passage or a tagged
 * recommendation; for a goal also a target or indicator) and where, with a link to each section; a tagged
 * section with fewer than 30 words is "tagged, not written". Live as anyone changes a tag or the text.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { CoverageGroup, CoverageItem } from '../../../../shared/report/coverage.ts';
import { WRITTEN_SECTION_WORDS } from '../../../../shared/report/coverageRule.ts';
import { useReportUiStore } from '../../stores/reportUiStore.ts';
import { useTaxonomy, type TaxonomyModule } from '../tagging/taxonomy.ts';
import { TAG_KIND_LABELS } from '../tagging/tagKinds.ts';
import { chipLabel } from '../tagging/useTagDescriber.ts';
import { useDerived } from '../treaty/docDerived.ts';
import { TreatyIcon } from '../treaty/TreatyIcon.tsx';
import { useTreatyUiStore } from '../treaty/treatyUiStore.ts';
import { TreatyTextsNote } from '../taxonomyLanguage/TreatyTextsNote.tsx';
import { coverageFor, type OtherTag } from './coverageModel.ts';
import './coverage.css';

export function CoverageView({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  return (
    <section className="treaty-view coverage" aria-labelledby="coverage-title" data-testid="coverage-view">
      <header className="treaty-view__head">
        <h2 id="coverage-title" className="treaty-view__title">
          {t('submission.coverage.title')}
        </h2>
        <p className="muted">{t('submission.coverage.intro', { count: WRITTEN_SECTION_WORDS })}</p>
      </header>
      {taxonomy ? <CoverageBody taxonomy={taxonomy} doc={doc} /> : <p role="status">{t('submission.coverage.loading')}</p>}
    </section>
  );
}

function CoverageBody({ taxonomy, doc }: { taxonomy: TaxonomyModule; doc: Y.Doc }) {
  const { t } = useTranslation();
  const model = useDerived(coverageFor(taxonomy, doc));
  const [gapsOnly, setGapsOnly] = useState(false);
  const setView = useTreatyUiStore((s) => s.setView);
  const selectSection = useReportUiStore((s) => s.selectSection);
  const open = (sectionId: string) => {
    selectSection(sectionId);
    setView('sections');
  };
  return (
    <>
      <div className="coverage__controls">
        <label className="check">
          <input type="checkbox" checked={gapsOnly} onChange={(e) => setGapsOnly(e.target.checked)} />
          {t('submission.coverage.gapsOnly')}
        </label>
      </div>
      {model.treaty && <TreatyTextsNote />}
      {model.treaty ? (
        <Group
          id="articles"
          title={t('submission.coverage.articlesTitle', { treaty: model.treaty })}
          group={model.articles}
          noun="articles"
          gapsOnly={gapsOnly}
          onOpen={open}
          describe={(id) => taxonomy.describeTag(id).text}
        />
      ) : (
        <p className="coverage__note">
          <TreatyIcon name="info" size={16} />{' '}
          {model.mechanism ? t('submission.coverage.noTreaty', { mechanism: model.mechanism }) : t('submission.coverage.noTreatyReview')}
        </p>
      )}
      {model.uprThemes && <Group id="upr-themes" title={t('submission.coverage.uprThemes')} group={model.uprThemes} noun="themes" gapsOnly={gapsOnly} onOpen={open} />}
      <Group id="sdgs" title={t('submission.coverage.sdgs')} group={model.sdgs} noun="goals" gapsOnly={gapsOnly} onOpen={open} />
      {!gapsOnly && <Others others={model.others} onOpen={open} />}
    </>
  );
}

function Group({
  id,
  title,
  group,
  noun,
  gapsOnly,
  onOpen,
  describe,
}: {
  id: string;
  title: string;
  group: CoverageGroup;
  noun: 'articles' | 'themes' | 'goals';
  gapsOnly: boolean;
  onOpen: (sectionId: string) => void;
  /** A line of text under each label (an article's first sentence). */
  describe?: (id: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const items = gapsOnly ? group.items.filter((i) => i.addressedBy.length === 0) : group.items;
  const share = group.total === 0 ? 0 : Math.round((group.addressed / group.total) * 100);
  return (
    <section className="coverage-group" aria-labelledby={`coverage-${id}`} data-testid={`coverage-${id}`}>
      <div className="coverage-group__head">
        <h3 id={`coverage-${id}`} className="coverage-group__title">
          {title}
        </h3>
        <p className="coverage-group__summary" data-testid={`coverage-${id}-summary`}>
          <Trans
            i18nKey={`submission.coverage.summary.${noun}`}
            values={{ addressed: group.addressed, total: group.total }}
            components={{ strong: <strong /> }}
          />
        </p>
        <div className="coverage-bar" aria-hidden="true">
          <span className="coverage-bar__fill" style={{ width: `${share}%` }} />
        </div>
      </div>
      {items.length > 0 ? (
        <ul className="coverage-list">
          {items.map((item) => (
            <Item key={item.id} item={item} onOpen={onOpen} text={describe?.(item.id)} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('submission.coverage.allAddressed')}</p>
      )}
    </section>
  );
}

function Item({ item, onOpen, text }: { item: CoverageItem; onOpen: (sectionId: string) => void; text?: string }) {
  const { t } = useTranslation();
  const addressed = item.addressedBy.length > 0;
  const unwritten = !addressed && item.taggedNotWritten.length > 0;
  return (
    <li
      className={`coverage-item coverage-item--${addressed ? 'yes' : unwritten ? 'unwritten' : 'no'}`}
      data-testid="coverage-item"
      data-tag-id={item.id}
      data-addressed={addressed}
    >
      <span className="coverage-item__status">
        <TreatyIcon name={addressed ? 'check' : 'cross'} size={16} />
        {addressed ? t('submission.coverage.addressed') : unwritten ? t('submission.coverage.taggedNotWritten') : t('submission.coverage.notAddressed')}
      </span>
      <span className="coverage-item__label">
        {item.label}
        {text && <span className="coverage-item__text">{text}</span>}
      </span>
      <SectionLinks sections={addressed ? item.addressedBy : item.taggedNotWritten} onOpen={onOpen} label={item.label} link={addressed ? 'addresses' : 'tagged'} />
    </li>
  );
}

function SectionLinks({
  sections,
  onOpen,
  label,
  link = 'addresses',
}: {
  sections: { sectionId: string; title: string }[];
  onOpen: (id: string) => void;
  label: string;
  /** How the sections relate to the item: they address it, or are only tagged with it. */
  link?: 'addresses' | 'tagged';
}) {
  const { t } = useTranslation();
  if (sections.length === 0) return <span className="coverage-item__sections muted">{t('submission.coverage.noSection')}</span>;
  return (
    <span className="coverage-item__sections">
      {sections.map((s) => (
        <button
          key={s.sectionId}
          type="button"
          className="section-link"
          aria-label={t(link === 'addresses' ? 'submission.coverage.openAddressing' : 'submission.coverage.openTagged', {
            title: s.title || t('outline.untitled'),
            label,
          })}
          onClick={() => onOpen(s.sectionId)}
        >
          {s.title || t('outline.untitled')}
        </button>
      ))}
    </span>
  );
}

function Others({ others, onOpen }: { others: OtherTag[]; onOpen: (sectionId: string) => void }) {
  const { t } = useTranslation();
  if (others.length === 0) return null;
  return (
    <section className="coverage-group" aria-labelledby="coverage-others" data-testid="coverage-others">
      <div className="coverage-group__head">
        <h3 id="coverage-others" className="coverage-group__title">
          {t('submission.coverage.otherTags')}
        </h3>
        <p className="coverage-group__summary">{t('submission.coverage.otherTagsHelp')}</p>
      </div>
      <ul className="coverage-list">
        {others.map((tag) => (
          <li key={tag.id} className={`coverage-item coverage-item--tag${tag.kind === 'unknown' ? ' coverage-item--unknown' : ''}`} data-testid="coverage-other" data-tag-id={tag.id}>
            <span className="coverage-item__status">{t(TAG_KIND_LABELS[tag.kind])}</span>
            <span className="coverage-item__label">{chipLabel(tag.id, tag)}</span>
            <SectionLinks sections={tag.sections} onOpen={onOpen} label={chipLabel(tag.id, tag)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
