// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/heatmappage.h"

#include "core/offthread.h"
#include "model/heatmapcsv.h"
#include "model/heatmapraster.h"
#include "views/heatmaplegend.h"
#include "views/heatmapview.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QImageWriter>
#include <QLabel>
#include <QMessageBox>
#include <QSaveFile>
#include <QToolBar>
#include <QVBoxLayout>

namespace Specula::Views {
namespace {

using Model::HeatmapData;

struct Built
{
    bool unchanged = false; // the rows shown are still those of the new input
    HeatmapData joined;
    HeatmapData shown;
    Model::HeatmapRaster raster;
};

} // namespace

HeatmapPage::HeatmapPage(QWidget *parent)
    : QWidget(parent)
    , m_metricBox(new QComboBox(this))
    , m_sortBox(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_chart(new QWidget(this))
    , m_view(new HeatmapView(m_chart))
    , m_legend(new HeatmapLegend(m_chart))
{
    for (const Prom::Metric metric : Model::HeatmapScale::metrics())
        m_metricBox->addItem(Model::HeatmapScale::title(metric), int(metric));
    m_metricBox->setToolTip(tr("What the colours show"));
    m_sortBox->addItem(tr("By node"), int(HeatmapData::Sort::Node));
    m_sortBox->addItem(tr("By mean, highest first"), int(HeatmapData::Sort::MeanDescending));
    m_sortBox->addItem(tr("Idle while allocated first"), int(HeatmapData::Sort::IdleFirst));
    m_sortBox->setToolTip(tr("Order of the GPUs"));

    auto *toolbar = new QToolBar(this);
    toolbar->addWidget(m_metricBox);
    toolbar->addWidget(m_sortBox);
    m_nowAction = toolbar->addAction(tr("Now"));
    m_nowAction->setCheckable(true);
    m_nowAction->setToolTip(tr("One tile per GPU with its latest value, grouped by node"));
    m_nowAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    auto *exportImage = new QAction(tr("Export PNG…"), this);
    exportImage->setToolTip(tr("Save the heatmap and its legend as a PNG picture"));
    auto *exportCsv = new QAction(tr("Export CSV…"), this);
    exportCsv->setToolTip(tr("Save the numbers behind the heatmap as CSV, one line per GPU"));
    toolbar->addAction(exportImage);
    toolbar->addAction(exportCsv);
    toolbar->addSeparator();
    toolbar->addWidget(m_status);

    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(exportImage);
    m_view->addAction(exportCsv);

    auto *chartLayout = new QVBoxLayout(m_chart);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->setSpacing(0);
    chartLayout->addWidget(m_view, 1);
    chartLayout->addWidget(m_legend);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(m_chart, 1);

    connect(m_metricBox, &QComboBox::activated, this,
            [this](int index) { setMetric(Prom::Metric(m_metricBox->itemData(index).toInt())); });
    connect(m_sortBox, &QComboBox::activated, this,
            [this](int index) { setSort(HeatmapData::Sort(m_sortBox->itemData(index).toInt())); });
    connect(m_nowAction, &QAction::toggled, this, &HeatmapPage::setNowGrid);
    connect(exportImage, &QAction::triggered, this, &HeatmapPage::exportImageInteractively);
    connect(exportCsv, &QAction::triggered, this, &HeatmapPage::exportCsvInteractively);
    connect(m_view, &HeatmapView::deviceActivated, this, &HeatmapPage::deviceActivated);
    m_legend->setScale(Model::HeatmapScale::forMetric(m_metric), Model::HeatmapScale::title(m_metric));
}

HeatmapPage::~HeatmapPage() = default;

void HeatmapPage::setSnapshot(const Model::ClusterSnapshot &snapshot)
{
    m_snapshot = snapshot;
    // A large cluster's live updates come every few seconds and mostly change no row: joining
    // 40,000 series again and redrawing for each would be seconds of work and hundreds of
    // megabytes of churn a minute.
    rebuild(Rebuild::JoinIfRowsChanged);
}

void HeatmapPage::setSeries(Prom::Metric metric, const Prom::CompactSeriesStore &store,
                            const Prom::MetricCatalogue &catalogue)
{
    if (metric != m_metric)
        return;
    m_store = store;
    m_catalogue = catalogue;
    // Hidden, the page lets go of the last heatmap before it builds the next: on 40,000 GPUs the
    // last store, rows and picture are some 60 MB, held beside the new ones until they are shown.
    if (!isVisible())
        m_view->releaseContent();
    rebuild(Rebuild::Join);
}

void HeatmapPage::setNamespaceFilter(const QString &ns)
{
    if (ns == m_namespace)
        return;
    m_namespace = ns;
    rebuild(Rebuild::View);
}

void HeatmapPage::setMetric(Prom::Metric metric)
{
    const int index = m_metricBox->findData(int(metric));
    if (index < 0 || metric == m_metric)
        return;
    m_metricBox->setCurrentIndex(index);
    m_metric = metric;
    // The old metric's numbers would be read on the new scale: show none until the new ones come.
    m_store = Prom::CompactSeriesStore();
    rebuild(Rebuild::Join);
    Q_EMIT metricChanged(metric);
}

void HeatmapPage::setSort(HeatmapData::Sort sort)
{
    m_sortBox->setCurrentIndex(m_sortBox->findData(int(sort)));
    if (sort == m_sort)
        return;
    m_sort = sort;
    rebuild(Rebuild::View);
}

void HeatmapPage::setNowGrid(bool on)
{
    m_nowAction->setChecked(on);
    m_view->setMode(on ? HeatmapView::Mode::NowGrid : HeatmapView::Mode::Timeline);
}

void HeatmapPage::rebuild(Rebuild what)
{
    // With a rebuild still running, "unchanged" would drop its result along with this one's: a
    // new sort or series would be lost.
    if (what == Rebuild::JoinIfRowsChanged && m_generation != m_doneGeneration)
        what = Rebuild::Join;
    if (what == Rebuild::Join)
        m_joined.reset();
    const quint64 generation = ++m_generation;
    Core::buildOffThread(
        this,
        [joined = m_joined, what, snapshot = m_snapshot, metric = m_metric, store = m_store, catalogue = m_catalogue,
         sort = m_sort, ns = m_namespace] {
            Built built;
            if (joined && what == Rebuild::JoinIfRowsChanged && joined->sameRowsFrom(snapshot)) {
                built.unchanged = true;
                return built;
            }
            built.joined
                = joined && what == Rebuild::View ? *joined : HeatmapData::build(snapshot, metric, store, catalogue);
            built.shown = built.joined;
            built.shown.setView(sort, ns);
            built.raster = Model::HeatmapRaster::build(built.shown);
            return built;
        },
        [this, generation](Built built) {
            // A rebuild superseded by a newer one is dropped; so is one that changes nothing, and
            // then what is shown stands (the newer input equals what it was built from).
            if (generation != m_generation)
                return;
            m_doneGeneration = generation;
            if (built.unchanged)
                return;
            Core::freeOffThread(std::exchange(m_joined, built.joined));
            m_view->setContent(built.shown, built.raster);
            m_legend->setScale(built.shown.scale(), Model::HeatmapScale::title(built.shown.metric()));
            m_status->setText(statusText());
            Q_EMIT contentReady();
        });
}

QString HeatmapPage::statusText() const
{
    const HeatmapData &data = m_view->data();
    int idle = 0;
    for (int row = 0; row < data.rowCount(); ++row)
        idle += data.row(row).idleWhileAllocated ? 1 : 0;
    QString text = tr("%n GPU(s)", nullptr, data.rowCount());
    if (idle > 0)
        text += tr(" · %n idle while allocated", nullptr, idle);
    if (m_store.isStale())
        text += tr(" · stale: %1").arg(m_store.error().toString());
    return text;
}

QImage HeatmapPage::renderImage() const
{
    return m_chart->grab().toImage();
}

std::optional<QString> HeatmapPage::saveImage(const QString &path) const
{
    QImageWriter writer(path, "png");
    if (!writer.write(renderImage()))
        return tr("cannot write %1: %2").arg(path, writer.errorString());
    return std::nullopt;
}

std::optional<QString> HeatmapPage::saveCsv(const QString &path) const
{
    if (const auto error = Model::HeatmapCsv::writeFile(path, m_view->data()))
        return error->toString();
    return std::nullopt;
}

void HeatmapPage::exportImageInteractively()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export heatmap as PNG"), QStringLiteral("heatmap.png"),
                                                      tr("PNG pictures (*.png)"));
    if (path.isEmpty())
        return;
    if (const auto error = saveImage(path))
        QMessageBox::warning(this, tr("Export heatmap"), *error);
}

void HeatmapPage::exportCsvInteractively()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export heatmap as CSV"), QStringLiteral("heatmap.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const auto error = saveCsv(path))
        QMessageBox::warning(this, tr("Export heatmap"), *error);
}

} // namespace Specula::Views
