// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/viewstatebar.h"

#include "model/viewstate.h"
#include "views/timerangedialog.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QStyle>
#include <QToolBar>

namespace Specula::Views {
namespace {

constexpr int kCustomRange = -1; // the "Custom…" entry's data

QLabel *labelFor(QWidget *buddy, const QString &text, QToolBar *toolbar)
{
    auto *label = new QLabel(text, toolbar);
    label->setBuddy(buddy);
    label->setContentsMargins(8, 0, 2, 0);
    return label;
}

} // namespace

ViewStateBar::ViewStateBar(Model::ViewState *state, QToolBar *toolbar)
    : QObject(toolbar)
    , m_state(state)
    , m_range(new QComboBox(toolbar))
    , m_refresh(new QComboBox(toolbar))
    , m_namespace(new QComboBox(toolbar))
{
    m_range->setObjectName(QStringLiteral("rangePicker"));
    m_range->setToolTip(tr("The time range the charts and heatmaps show"));
    m_range->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const auto span : Model::ViewState::presetSpans())
        m_range->addItem(tr("Last %1").arg(Model::ViewState::spanText(span)), qlonglong(span.count()));
    m_range->addItem(tr("Custom…"), kCustomRange);
    connect(m_range, &QComboBox::activated, this, [this](int index) {
        const qlonglong seconds = m_range->itemData(index).toLongLong();
        if (seconds == kCustomRange)
            pickCustomRange();
        else
            m_state->setSpan(std::chrono::seconds(seconds));
    });

    m_refresh->setObjectName(QStringLiteral("refreshPicker"));
    m_refresh->setToolTip(tr("How often the live data is fetched again"));
    for (const auto interval : Model::ViewState::refreshChoices())
        m_refresh->addItem(interval.count() == 0 ? tr("Off") : tr("Every %1").arg(Model::ViewState::spanText(interval)),
                           qlonglong(interval.count()));
    connect(m_refresh, &QComboBox::activated, this, [this](int index) {
        m_state->setRefreshInterval(std::chrono::seconds(m_refresh->itemData(index).toLongLong()));
    });

    m_namespace->setObjectName(QStringLiteral("namespacePicker"));
    m_namespace->setToolTip(tr("Show only the pods of one namespace, and what they hold"));
    m_namespace->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_namespace->setMinimumContentsLength(12);
    setNamespaces({});
    connect(m_namespace, &QComboBox::activated, this,
            [this](int index) { m_state->setNamespaceFilter(m_namespace->itemData(index).toString()); });

    toolbar->addWidget(labelFor(m_range, tr("Range:"), toolbar));
    toolbar->addWidget(m_range);
    toolbar->addWidget(labelFor(m_refresh, tr("Refresh:"), toolbar));
    toolbar->addWidget(m_refresh);
    auto *refreshNow = toolbar->addAction(toolbar->style()->standardIcon(QStyle::SP_BrowserReload), tr("Refresh"));
    refreshNow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    refreshNow->setToolTip(tr("Fetch the metrics again now (Ctrl+R)"));
    connect(refreshNow, &QAction::triggered, state, &Model::ViewState::requestRefresh);
    toolbar->addWidget(labelFor(m_namespace, tr("Namespace:"), toolbar));
    toolbar->addWidget(m_namespace);

    connect(state, &Model::ViewState::rangeChanged, this, &ViewStateBar::showRange);
    connect(state, &Model::ViewState::refreshIntervalChanged, this, &ViewStateBar::showRefresh);
    connect(state, &Model::ViewState::namespaceFilterChanged, this, &ViewStateBar::showNamespace);
    showRange();
    showRefresh();
}

ViewStateBar::~ViewStateBar() = default;

void ViewStateBar::setNamespaces(const QStringList &namespaces)
{
    // Snapshots arrive every few seconds; an open picker must not be rebuilt under the mouse.
    if (namespaces == m_namespaces && m_namespace->count() > 0)
        return;
    m_namespaces = namespaces;
    const QSignalBlocker blocker(m_namespace);
    m_namespace->clear();
    m_namespace->addItem(tr("All namespaces"), QString());
    for (const QString &ns : namespaces)
        m_namespace->addItem(ns, ns);
    // A filter on a namespace that has gone (or not yet appeared) stays visible and in force.
    if (!m_state->namespaceFilter().isEmpty() && !namespaces.contains(m_state->namespaceFilter()))
        m_namespace->addItem(m_state->namespaceFilter(), m_state->namespaceFilter());
    showNamespace();
}

void ViewStateBar::showRange()
{
    const QSignalBlocker blocker(m_range);
    const int index
        = m_state->isCustom() ? m_range->findData(kCustomRange) : m_range->findData(qlonglong(m_state->span().count()));
    m_range->setCurrentIndex(index);
    m_range->setItemText(m_range->findData(kCustomRange), m_state->isCustom() ? m_state->rangeText() : tr("Custom…"));
}

void ViewStateBar::showRefresh()
{
    const QSignalBlocker blocker(m_refresh);
    const int index = m_refresh->findData(qlonglong(m_state->refreshInterval().count()));
    if (index < 0)
        m_refresh->addItem(tr("Every %1").arg(Model::ViewState::spanText(m_state->refreshInterval())),
                           qlonglong(m_state->refreshInterval().count()));
    m_refresh->setCurrentIndex(m_refresh->findData(qlonglong(m_state->refreshInterval().count())));
}

void ViewStateBar::showNamespace()
{
    const QSignalBlocker blocker(m_namespace);
    int index = m_namespace->findData(m_state->namespaceFilter());
    if (index < 0) {
        m_namespace->addItem(m_state->namespaceFilter(), m_state->namespaceFilter());
        index = m_namespace->count() - 1;
    }
    m_namespace->setCurrentIndex(index);
}

void ViewStateBar::pickCustomRange()
{
    auto *dialog = new TimeRangeDialog(m_state->interval(QDateTime::currentDateTime()), m_range->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TimeRangeDialog::accepted, this,
            [this, dialog] { m_state->setCustomRange(dialog->start(), dialog->end()); });
    // Cancelled: the picker shows the range still in force.
    connect(dialog, &TimeRangeDialog::rejected, this, &ViewStateBar::showRange);
    dialog->open();
}

} // namespace Specula::Views
