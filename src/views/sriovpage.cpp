// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/sriovpage.h"

#include "core/offthread.h"
#include "export/imagefile.h"
#include "export/tablecsv.h"
#include "model/nodenamespacefilter.h"
#include "model/pftablemodel.h"
#include "model/vfallocationtablemodel.h"
#include "model/vftablemodel.h"
#include "model/vftrafficplan.h"
#include "prom/seriescsv.h"
#include "views/tablepage.h"
#include "views/vfallocationchart.h"
#include "views/vftrafficpanel.h"

#include <QAction>
#include <QButtonGroup>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPixmap>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Specula::Views {

struct SriovPage::Content
{
    QList<Model::PfTableModel::Row> pfs;
    QList<Model::VfTableModel::Row> vfs;
    Model::VfGrouping grouping;
    QList<Model::VfAllocationRow> bars;
};

namespace {

std::optional<QString> messageOf(const std::optional<Core::Error> &error)
{
    return error ? std::optional<QString>(error->toString()) : std::nullopt;
}

std::optional<QString> writeImage(const QString &path, const QImage &image)
{
    return messageOf(Export::ImageFile::writePng(path, image));
}

bool isPng(SriovPage::ExportTarget target)
{
    return target == SriovPage::ExportTarget::GraphPng || target == SriovPage::ExportTarget::PfPng
        || target == SriovPage::ExportTarget::VfPng || target == SriovPage::ExportTarget::TrafficPng;
}

} // namespace

SriovPage::SriovPage(QWidget *parent)
    : QWidget(parent)
    , m_pfModel(new Model::PfTableModel(this))
    , m_vfModel(new Model::VfTableModel(this))
    , m_pfFilter(new Model::NodeNamespaceFilter(Model::PfTableModel::NodeRole, Model::PfTableModel::PoolRole,
                                                Model::PfTableModel::NamespacesRole, this))
    , m_vfFilter(new Model::NodeNamespaceFilter(Model::VfTableModel::NodeRole, Model::VfTableModel::PoolRole,
                                                Model::VfTableModel::NamespacesRole, this))
    , m_chart(new VfAllocationChart(this))
    , m_tabs(new QTabWidget(this))
    , m_traffic(new VfTrafficPanel(this))
    , m_groupingButtons(new QButtonGroup(this))
    , m_selectionLabel(new QLabel(this))
    , m_clearSelection(new QToolButton(this))
{
    m_pfFilter->setSourceModel(m_pfModel);
    m_vfFilter->setSourceModel(m_vfModel);
    // The filters sort too, comparing the rows themselves: sorting 80,000 VFs through data() and a
    // second proxy held the GUI thread for more than 100 ms whenever the rows were reset.
    m_pfFilter->setLessThan([model = m_pfModel](int a, int b, int column) { return model->lessThan(a, b, column); });
    m_vfFilter->setLessThan([model = m_vfModel](int a, int b, int column) { return model->lessThan(a, b, column); });
    m_pfPage = new TablePage(m_pfFilter, tr("Filter PFs"), m_tabs);
    m_vfPage = new TablePage(m_vfFilter, tr("Filter VFs (node, pod, MAC, …)"), m_tabs);
    m_tabs->addTab(m_pfPage, tr("Physical functions"));
    m_tabs->addTab(m_vfPage, tr("Virtual functions"));

    auto *toolbar = new QHBoxLayout;
    auto addGroupingButton = [&](const QString &text, Model::VfGrouping grouping) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setCheckable(true);
        button->setChecked(grouping == m_grouping);
        m_groupingButtons->addButton(button, int(grouping));
        toolbar->addWidget(button);
    };
    addGroupingButton(tr("Per node"), Model::VfGrouping::Node);
    addGroupingButton(tr("Per pool"), Model::VfGrouping::Pool);
    connect(m_groupingButtons, &QButtonGroup::idClicked, this, [this](int id) { setGrouping(Model::VfGrouping(id)); });
    toolbar->addSpacing(12);
    toolbar->addWidget(m_selectionLabel);
    m_clearSelection->setText(tr("Show all"));
    m_clearSelection->setToolTip(tr("Show the PFs and VFs of every node"));
    toolbar->addWidget(m_clearSelection);
    connect(m_clearSelection, &QToolButton::clicked, this, [this] { setSelectedBar(QString()); });
    toolbar->addStretch();

    const std::pair<ExportTarget, QString> exports[] = {
        { ExportTarget::GraphPng, tr("Graph as PNG…") },
        { ExportTarget::GraphCsv, tr("Graph's numbers as CSV…") },
        { ExportTarget::PfCsv, tr("PF table as CSV…") },
        { ExportTarget::PfPng, tr("PF table as PNG…") },
        { ExportTarget::VfCsv, tr("VF table as CSV…") },
        { ExportTarget::VfPng, tr("VF table as PNG…") },
        { ExportTarget::TrafficPng, tr("Traffic charts as PNG…") },
        { ExportTarget::TrafficCsv, tr("Traffic numbers as CSV…") },
    };
    auto *exportMenu = new QMenu(this);
    for (const auto &[target, text] : exports) {
        auto *action = new QAction(text, this);
        connect(action, &QAction::triggered, this, [this, target = target] { askAndExport(target); });
        exportMenu->addAction(action);
        m_exportActions.append(action);
    }
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setToolTip(tr("Save the graph, a table or the traffic charts as CSV or PNG"));
    exportButton->setMenu(exportMenu);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    toolbar->addWidget(exportButton);

    // Each part's context menu offers its own exports.
    m_chart->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_chart->addActions({ exportAction(ExportTarget::GraphPng), exportAction(ExportTarget::GraphCsv) });
    m_pfPage->view()->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_pfPage->view()->addActions({ exportAction(ExportTarget::PfCsv), exportAction(ExportTarget::PfPng) });
    m_vfPage->view()->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_vfPage->view()->addActions({ exportAction(ExportTarget::VfCsv), exportAction(ExportTarget::VfPng) });
    m_traffic->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_traffic->addActions({ exportAction(ExportTarget::TrafficPng), exportAction(ExportTarget::TrafficCsv) });

    // The traffic sits beside the tables, so that the row it charts stays in sight.
    auto *tablesAndTraffic = new QSplitter(Qt::Horizontal, this);
    tablesAndTraffic->addWidget(m_tabs);
    tablesAndTraffic->addWidget(m_traffic);
    tablesAndTraffic->setStretchFactor(0, 3);
    tablesAndTraffic->setStretchFactor(1, 2);
    // Shares, not pixels: the splitter scales them to its width, where the tables' size hint alone
    // would squeeze the charts.
    tablesAndTraffic->setSizes({ 3000, 2000 });
    tablesAndTraffic->setChildrenCollapsible(false);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chart);
    splitter->addWidget(tablesAndTraffic);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(toolbar);
    layout->addWidget(splitter);

    connect(m_chart, &VfAllocationChart::selectionChanged, this, &SriovPage::applySelection);
    connect(m_vfPage->view(), &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT vfActivated(index.data(Model::VfTableModel::NodeRole).toString(),
                           index.data(Model::VfTableModel::PciAddressRole).toString());
    });
    for (const TablePage *table : { m_pfPage, m_vfPage })
        connect(table->view()->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &SriovPage::updateTrafficTarget);
    connect(m_tabs, &QTabWidget::currentChanged, this, &SriovPage::updateTrafficTarget);
    applySelection(QString());
}

SriovPage::~SriovPage() = default;

void SriovPage::setSnapshot(const Model::ClusterSnapshot &snapshot, bool reset)
{
    m_snapshot = snapshot;
    m_traffic->setSnapshot(snapshot);
    if (reset) {
        setSelectedBar(QString());
        m_resetPending = true;
    }
    const quint64 generation = ++m_generation;
    Core::buildOffThread(
        this,
        [snapshot, grouping = m_grouping] {
            return Content { Model::PfTableModel::rowsOf(snapshot), Model::VfTableModel::rowsOf(snapshot), grouping,
                             Model::VfAllocation::rows(snapshot, grouping) };
        },
        [this, generation](Content content) {
            if (generation == m_generation)
                showContent(std::move(content), generation);
        });
}

void SriovPage::showContent(Content content, quint64 generation)
{
    // On a large cluster each table and the graph hold the GUI thread for tens of milliseconds:
    // they go on screen a millisecond apart, so that input and painting get their turn in
    // between (a zero delay ran them back to back), and a newer snapshot stops the rest.
    auto nextTurn = [this, generation](auto step) {
        QTimer::singleShot(1, this, [this, generation, step = std::move(step)]() mutable {
            if (generation == m_generation)
                step();
        });
    };
    m_pfModel->setRows(std::move(content.pfs), m_resetPending);
    nextTurn([this, nextTurn, content = std::move(content)]() mutable {
        m_vfModel->setRows(std::move(content.vfs), m_resetPending);
        // Until here a newer snapshot's tables would still have to be reset.
        m_resetPending = false;
        nextTurn([this, grouping = content.grouping, bars = std::move(content.bars)] {
            // A grouping chosen meanwhile has already drawn this snapshot's bars its own way.
            if (grouping == m_grouping)
                m_chart->setRows(bars);
            // A new holder renames the line; the same target asks nothing again.
            updateTrafficTarget();
            Q_EMIT updated();
        });
    });
}

void SriovPage::setPrometheus(Prom::PromClient *client, const Prom::MetricCatalogue &catalogue)
{
    m_traffic->setPrometheus(client, catalogue);
}

void SriovPage::setTimeRange(std::chrono::seconds span)
{
    m_traffic->setTimeRange(span);
}

void SriovPage::setTimeAxis(const Prom::TimeAxis &axis)
{
    m_traffic->setTimeAxis(axis);
}

void SriovPage::reload()
{
    m_traffic->reload();
}

void SriovPage::updateTrafficTarget()
{
    const bool vfs = m_tabs->currentWidget() == m_vfPage;
    const QModelIndex current = (vfs ? m_vfPage : m_pfPage)->view()->currentIndex();
    std::optional<Model::VfTrafficTarget> target;
    if (current.isValid() && vfs)
        target = Model::VfTrafficPlan::forVf(m_snapshot, current.data(Model::VfTableModel::NodeRole).toString(),
                                             current.data(Model::VfTableModel::PciAddressRole).toString());
    else if (current.isValid())
        target = Model::VfTrafficPlan::forPf(m_snapshot, current.data(Model::PfTableModel::NodeRole).toString(),
                                             current.data(Model::PfTableModel::PciAddressRole).toString());
    m_traffic->setTarget(target);
}

void SriovPage::setNamespaceFilter(const QString &ns)
{
    m_pfFilter->setNamespace(ns);
    m_vfFilter->setNamespace(ns);
}

void SriovPage::setGrouping(Model::VfGrouping grouping)
{
    m_groupingButtons->button(int(grouping))->setChecked(true);
    if (grouping == m_grouping)
        return;
    m_grouping = grouping;
    // A node's name means nothing per pool and the other way round.
    setSelectedBar(QString());
    updateChart();
}

QString SriovPage::selectedBar() const
{
    return m_chart->selectedName();
}

void SriovPage::setSelectedBar(const QString &name)
{
    m_chart->setSelectedName(name);
    applySelection(name);
    const auto &rows = m_chart->rows();
    for (int i = 0; i < rows.size(); ++i) {
        if (rows.at(i).name == name)
            m_chart->ensureVisible(i);
    }
}

void SriovPage::updateChart()
{
    m_chart->setRows(Model::VfAllocation::rows(m_snapshot, m_grouping));
}

void SriovPage::applySelection(const QString &name)
{
    const bool perNode = m_grouping == Model::VfGrouping::Node;
    std::optional<QString> pool;
    if (!perNode && !name.isEmpty())
        pool = name == Model::VfAllocation::noPool() ? QString() : name;
    for (auto *filter : { m_pfFilter, m_vfFilter }) {
        filter->setNode(perNode ? name : QString());
        filter->setPool(pool);
    }
    m_selectionLabel->setText(name.isEmpty() ? tr("Click a bar to show only its PFs and VFs")
                                  : perNode  ? tr("Node %1").arg(name)
                                             : tr("Pool %1").arg(name));
    m_clearSelection->setVisible(!name.isEmpty());
    Q_EMIT selectedBarChanged(name);
}

QAction *SriovPage::exportAction(ExportTarget target) const
{
    return m_exportActions.at(int(target));
}

QString SriovPage::graphCsv() const
{
    Model::VfAllocationTableModel numbers;
    numbers.setRows(m_chart->rows(), m_grouping);
    return QString::fromUtf8(Export::TableCsv::toCsv(numbers));
}

std::optional<QString> SriovPage::exportTo(ExportTarget target, const QString &path) const
{
    switch (target) {
    case ExportTarget::GraphPng:
        return writeImage(path, m_chart->image(devicePixelRatioF()));
    case ExportTarget::GraphCsv: {
        Model::VfAllocationTableModel numbers;
        numbers.setRows(m_chart->rows(), m_grouping);
        return messageOf(Export::TableCsv::writeFile(path, numbers));
    }
    case ExportTarget::PfCsv:
        return messageOf(Export::TableCsv::writeFile(path, *m_pfPage->proxy()));
    case ExportTarget::VfCsv:
        return messageOf(Export::TableCsv::writeFile(path, *m_vfPage->proxy()));
    case ExportTarget::PfPng:
        // grab() renders at the screen's device pixel ratio.
        return writeImage(path, m_pfPage->view()->grab().toImage());
    case ExportTarget::VfPng:
        return writeImage(path, m_vfPage->view()->grab().toImage());
    case ExportTarget::TrafficPng:
        return writeImage(path, m_traffic->image());
    case ExportTarget::TrafficCsv: {
        const QList<Prom::SeriesStore> stores = m_traffic->shownStores();
        if (stores.isEmpty())
            return tr("No VF traffic is charted: select a VF or PF whose traffic Prometheus has.");
        return messageOf(Prom::SeriesCsv::writeFile(path, stores, &Model::VfTrafficPlan::csvName));
    }
    }
    return std::nullopt;
}

void SriovPage::askAndExport(ExportTarget target)
{
    const bool png = isPng(target);
    const QString path = QFileDialog::getSaveFileName(this, exportAction(target)->text().remove(QStringLiteral("…")),
                                                      png ? QStringLiteral("sriov.png") : QStringLiteral("sriov.csv"),
                                                      png ? tr("PNG images (*.png)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const auto error = exportTo(target, path))
        QMessageBox::warning(this, tr("Export failed"), *error);
}

} // namespace Specula::Views
