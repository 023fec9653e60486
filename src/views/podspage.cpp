// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/podspage.h"

#include "core/offthread.h"
#include "model/podchartplan.h"
#include "model/podseriesquery.h"
#include "model/podtablemodel.h"
#include "model/resourcetext.h"
#include "prom/promclient.h"
#include "prom/promstep.h"
#include "views/charts/podchartsgrid.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Specula::Views {
namespace {

// The plot width the series are sampled for: a chart of the grid on a large screen.
constexpr int kPlotWidthPixels = 1000;

QString spanText(qint64 seconds)
{
    using Model::ResourceText;
    if (seconds % 86400 == 0) {
        const int days = int(seconds / 86400);
        return ResourceText::plural(PodsPage::tr("%n day(s)", nullptr, days), days);
    }
    if (seconds % 3600 == 0) {
        const int hours = int(seconds / 3600);
        return ResourceText::plural(PodsPage::tr("%n hour(s)", nullptr, hours), hours);
    }
    const int minutes = int(seconds / 60);
    return ResourceText::plural(PodsPage::tr("%n minute(s)", nullptr, minutes), minutes);
}

} // namespace

PodsPage::PodsPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new Model::PodTableModel(this))
    , m_namespaceProxy(new QSortFilterProxyModel(this))
    , m_textProxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_charts(new PodChartsGrid(this))
{
    m_namespaceProxy->setSourceModel(m_model);
    m_namespaceProxy->setFilterKeyColumn(Model::PodTableModel::NamespaceColumn);
    m_textProxy->setSourceModel(m_namespaceProxy);
    m_textProxy->setFilterKeyColumn(-1);
    m_textProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_textProxy->setSortRole(Model::PodTableModel::SortRole);
    m_textProxy->setDynamicSortFilter(true);

    m_filter->setPlaceholderText(tr("Filter pods by namespace, name, node or resource"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_textProxy, &QSortFilterProxyModel::setFilterFixedString);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    addAction(find);

    m_view->setModel(m_textProxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(Model::PodTableModel::NamespaceColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    // Each column starts at a width that fits its usual text (measuring every row would cost
    // seconds on a large cluster); the pod's name is what the list is read for, so it gets room for
    // a Deployment's replica name before the others, and the requests take what is left.
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
    header->resizeSection(Model::PodTableModel::NameColumn,
                          fontMetrics().horizontalAdvance(QStringLiteral("inference-server-7b9f4c-x2k4p")));
    header->resizeSection(Model::PodTableModel::NamespaceColumn,
                          fontMetrics().horizontalAdvance(QStringLiteral("kube-system-xx")));
    header->resizeSection(Model::PodTableModel::NodeColumn,
                          fontMetrics().horizontalAdvance(QStringLiteral("gpu-a100-mig-mixed-0xx")));
    header->resizeSection(Model::PodTableModel::RequestsColumn,
                          fontMetrics().horizontalAdvance(QStringLiteral("nvidia.com/mig-3g.40gb: 2")));
    // Pod names end in what tells replicas apart ("-0", "-7b9f4"): one line, both ends kept.
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    for (const int column : { Model::PodTableModel::PhaseColumn, Model::PodTableModel::PendingColumn })
        m_view->hideColumn(column);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PodsPage::selectionChanged);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_view);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_charts);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_status);
    rightLayout->addWidget(scroll, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({ 2000, 3000 }); // shares of the width, whatever the table's size hint says
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_title->setText(tr("No pod selected"));
    showStatus(tr("Select a pod to see its CPU, memory, GPU, power, energy and network over time."));
}

PodsPage::~PodsPage() = default;

void PodsPage::setSnapshot(const Model::ClusterSnapshot &snapshot, bool reset)
{
    m_snapshot = snapshot;
    m_resetPending = m_resetPending || reset;
    const quint64 generation = ++m_generation;
    Core::buildOffThread(
        this, [snapshot] { return Model::PodTableModel::rowsOf(snapshot); },
        [this, generation](QList<Model::PodTableModel::Row> rows) {
            if (generation != m_generation)
                return;
            m_model->setRows(std::move(rows), std::exchange(m_resetPending, false));
            Q_EMIT updated();
        });
}

void PodsPage::setNamespaceFilter(const QString &ns)
{
    m_namespaceProxy->setFilterRegularExpression(
        ns.isEmpty() ? QRegularExpression()
                     : QRegularExpression(QRegularExpression::anchoredPattern(QRegularExpression::escape(ns))));
}

void PodsPage::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

void PodsPage::setPrometheus(Prom::PromClient *client, const Prom::MetricCatalogue &catalogue)
{
    m_client = client;
    m_catalogue = catalogue;
    reload();
}

void PodsPage::setTimeRange(std::chrono::seconds span)
{
    m_span = std::max(span, std::chrono::seconds(60));
    m_axis.reset();
    reload();
}

void PodsPage::setTimeAxis(const Prom::TimeAxis &axis)
{
    m_axis = axis;
    reload();
}

bool PodsPage::selectPod(const QString &key)
{
    const int ns = Model::PodTableModel::NamespaceColumn;
    for (int row = 0; row < m_textProxy->rowCount(); ++row) {
        const QModelIndex index = m_textProxy->index(row, ns);
        const QString rowKey = index.data().toString() + u'/'
            + m_textProxy->index(row, Model::PodTableModel::NameColumn).data().toString();
        if (rowKey == key) {
            m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index);
            return true;
        }
    }
    return false;
}

QString PodsPage::selectedPod() const
{
    return m_selected;
}

QString PodsPage::statusText() const
{
    return m_status->text();
}

void PodsPage::selectionChanged()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(Model::PodTableModel::NamespaceColumn);
    // A pod that left the list keeps its charts on screen until another is chosen.
    if (rows.isEmpty())
        return;
    const QString key = rows.first().data().toString() + u'/'
        + rows.first().siblingAtColumn(Model::PodTableModel::NameColumn).data().toString();
    if (key == m_selected)
        return;
    m_selected = key;
    Q_EMIT podSelected(key);
    reload();
}

void PodsPage::reload()
{
    if (m_selected.isEmpty())
        return;
    startQuery();
}

Prom::TimeAxis PodsPage::queryAxis() const
{
    if (m_axis)
        return *m_axis;
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QDateTime start = end.addSecs(-m_span.count());
    return Prom::TimeAxis::covering(start, end, Prom::stepFor(start, end, kPlotWidthPixels));
}

void PodsPage::startQuery()
{
    // The answer for an older selection or range is of no use any more.
    delete m_query;
    m_query = nullptr;
    const QString key = m_selected;
    const Prom::TimeAxis axis = queryAxis();
    m_title->setText(tr("%1 · last %2").arg(key, spanText(axis.last() - axis.start)));
    m_charts->setCharts({});
    if (!m_client) {
        showStatus(tr("No Prometheus is connected, so there are no time series to show."), true);
        Q_EMIT chartsFailed(key, statusText());
        return;
    }
    showStatus(tr("Loading %1's series from Prometheus…").arg(key));
    const QString ns = key.section(u'/', 0, 0);
    const QString pod = key.section(u'/', 1);
    m_query = new Model::PodSeriesQuery(m_client, m_catalogue, Model::PodSeriesQuery::podScope(m_snapshot, ns, pod),
                                        Model::PodSeriesQuery::podMetrics(), axis, this);
    connect(m_query, &Model::PodSeriesQuery::finished, this, [this, key](const QList<Model::PodSeries> &series) {
        m_query->deleteLater();
        m_query = nullptr;
        const QList<Model::PodChart> charts
            = Model::PodChartPlan::build(series, m_catalogue, Model::PodChartPlan::vfInterfaces(m_snapshot, key));
        m_charts->setCharts(charts);
        showStatus(charts.isEmpty() ? tr("Prometheus has no series for %1 in this time range.").arg(key) : QString());
        Q_EMIT chartsLoaded(key);
    });
    connect(m_query, &Model::PodSeriesQuery::failed, this, [this, key](const Core::Error &error) {
        m_query->deleteLater();
        m_query = nullptr;
        showStatus(tr("Could not load the series of %1: %2").arg(key, error.toString()), true);
        Q_EMIT chartsFailed(key, statusText());
    });
    m_query->start();
}

void PodsPage::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    m_status->setStyleSheet(
        error ? QStringLiteral("color: palette(highlighted-text); background: #b3261e; padding: 4px;") : QString());
}

} // namespace Specula::Views
