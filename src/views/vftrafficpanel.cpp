// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/vftrafficpanel.h"

#include "model/podseriesquery.h"
#include "prom/promclient.h"
#include "prom/promstep.h"
#include "prom/seriescsv.h"
#include "views/charts/podchartsgrid.h"
#include "views/charts/timeserieschart.h"
#include "views/exportactions.h"

#include <QImage>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Specula::Views {
namespace {

// The plot width the series are sampled for: the panel's charts on a large screen.
constexpr int kPlotWidthPixels = 800;

} // namespace

VfTrafficPanel::VfTrafficPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_charts(new PodChartsGrid(this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Receive above transmit: the panel sits beside the tables, where width is scarce.
    m_charts->setColumns(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_charts);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_status);
    layout->addWidget(scroll, 1);
    reload();
}

VfTrafficPanel::~VfTrafficPanel() = default;

void VfTrafficPanel::setSnapshot(const Model::ClusterSnapshot &snapshot)
{
    m_snapshot = snapshot;
}

void VfTrafficPanel::setPrometheus(Prom::PromClient *client, const Prom::MetricCatalogue &catalogue)
{
    m_client = client;
    m_catalogue = catalogue;
    reload();
}

void VfTrafficPanel::setTimeRange(std::chrono::seconds span)
{
    m_span = std::max(span, std::chrono::seconds(60));
    m_axis.reset();
    reload();
}

void VfTrafficPanel::setTimeAxis(const Prom::TimeAxis &axis)
{
    m_axis = axis;
    reload();
}

void VfTrafficPanel::setTarget(const std::optional<Model::VfTrafficTarget> &target)
{
    if (target == m_target)
        return;
    m_target = target;
    reload();
}

void VfTrafficPanel::reload()
{
    if (m_target) {
        startQuery();
        return;
    }
    delete m_query;
    m_query = nullptr;
    m_shown.clear();
    m_charts->setCharts({});
    m_title->setText(tr("VF traffic"));
    showStatus(tr("Select a VF to chart its receive and transmit rates, or a PF to chart its VFs'."));
}

QString VfTrafficPanel::titleText() const
{
    return m_title->text();
}

QString VfTrafficPanel::statusText() const
{
    return m_status->text();
}

TimeSeriesChart *VfTrafficPanel::receiveChart() const
{
    return m_charts->charts().value(0);
}

TimeSeriesChart *VfTrafficPanel::transmitChart() const
{
    return m_charts->charts().value(1);
}

QList<Prom::SeriesStore> VfTrafficPanel::shownStores() const
{
    QList<Prom::SeriesStore> stores;
    for (const Model::PodChart &chart : m_shown)
        stores += chart.stores;
    return stores;
}

std::optional<QByteArray> VfTrafficPanel::csv() const
{
    if (m_shown.isEmpty())
        return std::nullopt;
    return Prom::SeriesCsv::toCsv(shownStores(), &Model::VfTrafficPlan::csvName);
}

QImage VfTrafficPanel::image() const
{
    return ExportActions::grab(const_cast<VfTrafficPanel *>(this));
}

Prom::TimeAxis VfTrafficPanel::queryAxis() const
{
    if (m_axis)
        return *m_axis;
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QDateTime start = end.addSecs(-m_span.count());
    return Prom::TimeAxis::covering(start, end, Prom::stepFor(start, end, kPlotWidthPixels));
}

QString VfTrafficPanel::targetText() const
{
    if (m_target->isPf()) {
        const QString pf = m_target->pfName.isEmpty()
            ? m_target->pfAddress
            : QStringLiteral("%1 (%2)").arg(m_target->pfName, m_target->pfAddress);
        return tr("the VFs of PF %1 on %2").arg(pf, m_target->node);
    }
    return tr("VF %1 on %2").arg(Model::VfTrafficPlan::vfName(m_target->vfs.value(0)), m_target->node);
}

void VfTrafficPanel::startQuery()
{
    // The answer for an older target or range is of no use any more.
    delete m_query;
    m_query = nullptr;
    m_shown.clear();
    m_charts->setCharts({});
    const QString what = targetText();
    m_title->setText(tr("Traffic of %1").arg(what));
    if (m_target->vfs.isEmpty()) {
        showStatus(tr("This PF has no VFs."));
        Q_EMIT trafficLoaded();
        return;
    }
    if (!m_client) {
        showStatus(tr("No Prometheus is connected, so there is no VF traffic to show."), true);
        Q_EMIT trafficFailed(statusText());
        return;
    }
    if (!m_catalogue.supports(Prom::Metric::VfRx) && !m_catalogue.supports(Prom::Metric::VfTx)) {
        showStatus(tr("This Prometheus has no series from the SR-IOV metrics exporter (sriov_vf_rx_bytes, "
                      "sriov_vf_tx_bytes), so there is no VF traffic to show."),
                   true);
        Q_EMIT trafficFailed(statusText());
        return;
    }
    showStatus(tr("Loading the traffic of %1 from Prometheus…").arg(what));
    m_query = new Model::PodSeriesQuery(m_client, m_catalogue, Model::VfTrafficPlan::scopeOf(m_snapshot, *m_target),
                                        Model::VfTrafficPlan::metrics(), queryAxis(), this);
    connect(m_query, &Model::PodSeriesQuery::finished, this, [this, what](const QList<Model::PodSeries> &series) {
        m_query->deleteLater();
        m_query = nullptr;
        const Model::VfTraffic traffic = Model::VfTrafficPlan::build(series, m_catalogue, m_snapshot, *m_target);
        m_shown = traffic.charts;
        m_charts->setCharts(traffic.charts);
        if (traffic.charts.isEmpty())
            showStatus(tr("Prometheus has no traffic series for %1 in this time range.").arg(what));
        else if (traffic.vfsShown < traffic.vfsWithSeries)
            showStatus(tr("The %1 busiest of %2 VFs are shown (by mean receive plus transmit rate).")
                           .arg(traffic.vfsShown)
                           .arg(traffic.vfsWithSeries));
        else
            showStatus(QString());
        Q_EMIT trafficLoaded();
    });
    connect(m_query, &Model::PodSeriesQuery::failed, this, [this, what](const Core::Error &error) {
        m_query->deleteLater();
        m_query = nullptr;
        showStatus(tr("Could not load the traffic of %1: %2").arg(what, error.toString()), true);
        Q_EMIT trafficFailed(statusText());
    });
    m_query->start();
}

void VfTrafficPanel::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    m_status->setStyleSheet(
        error ? QStringLiteral("color: palette(highlighted-text); background: #b3261e; padding: 4px;") : QString());
}

} // namespace Specula::Views
