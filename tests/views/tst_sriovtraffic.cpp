// SPDX-License-Identifier: GPL-3.0-or-later
// The SR-IOV page's traffic charts against the simulated cluster: the current VF's receive and
// transmit rates, and a PF's VFs, must be exactly the rates of the simulator's exporter counters.
#include "../sim/loadedcluster.h"
#include "model/gpumetricsjoin.h"
#include "model/metricsconnection.h"
#include "model/pftablemodel.h"
#include "model/vftablemodel.h"
#include "model/vftrafficplan.h"
#include "prom/promclient.h"
#include "sim/metricset.h"
#include "views/charts/podchartsgrid.h"
#include "views/charts/timeserieschart.h"
#include "views/sriovpage.h"
#include "views/tablepage.h"
#include "views/vftrafficpanel.h"

#include <QFile>
#include <QImage>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <cmath>

using namespace Specula;
using Views::SriovPage;

class TestSriovTraffic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString error = m_cluster.start(u"builtin:demo"_qs);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_metrics = Sim::MetricSet::build(m_cluster.server()->scenario());
        QVERIFY(m_cluster.loader()->metrics()->catalogue().supports(Prom::Metric::VfRx));
        // A PF with a VF that a pod holds and one that nobody holds, so that the order shows.
        for (const Model::NodeSummary &node : m_cluster.loader()->snapshot().nodes) {
            for (const Model::PhysicalFunction &pf : node.sriov ? node.sriov->pfs : QList<Model::PhysicalFunction> {}) {
                const auto held = std::find_if(pf.vfs.cbegin(), pf.vfs.cend(),
                                               [](const Model::VirtualFunction &vf) { return vf.pod.has_value(); });
                const bool anyFree = std::any_of(pf.vfs.cbegin(), pf.vfs.cend(),
                                                 [](const Model::VirtualFunction &vf) { return !vf.pod; });
                if (m_node.isEmpty() && held != pf.vfs.cend() && anyFree) {
                    m_node = node.name;
                    m_pf = pf;
                    m_heldVf = *held;
                }
            }
        }
        QVERIFY2(!m_node.isEmpty(), "the demo has a PF with a held and a free VF");
    }

    void init()
    {
        m_page = std::make_unique<SriovPage>();
        m_page->resize(1400, 1000);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QSignalSpy updated(m_page.get(), &SriovPage::updated);
        m_page->setSnapshot(m_cluster.loader()->snapshot(), true);
        QVERIFY(updated.wait(10000));
        m_page->setPrometheus(m_cluster.loader()->metrics()->client(), m_cluster.loader()->metrics()->catalogue());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_axis = Prom::TimeAxis::covering(now.addSecs(-20 * 60), now, std::chrono::seconds(60));
        m_page->setTimeAxis(m_axis);
    }

    void cleanup() { m_page.reset(); }

    void nothingSelectedSaysSo()
    {
        Views::VfTrafficPanel *traffic = m_page->traffic();
        QVERIFY2(traffic->statusText().startsWith(u"Select a VF"_qs), qPrintable(traffic->statusText()));
        QVERIFY(traffic->charts()->charts().isEmpty());
        QVERIFY(!traffic->csv());
        const auto error = m_page->exportTo(SriovPage::ExportTarget::TrafficCsv, m_dir.filePath(u"none.csv"_qs));
        QVERIFY(error);
        QVERIFY2(error->contains(u"No VF traffic is charted"_qs), qPrintable(*error));
        QVERIFY(!QFile::exists(m_dir.filePath(u"none.csv"_qs)));
    }

    void aHeldVfChartsItsRates()
    {
        Views::VfTrafficPanel *traffic = m_page->traffic();
        QSignalSpy loaded(traffic, &Views::VfTrafficPanel::trafficLoaded);
        makeCurrent(true, m_heldVf.pciAddress);
        const QString name = u"%1 (%2)"_qs.arg(m_heldVf.pciAddress, m_heldVf.pod->key());
        QCOMPARE(Model::VfTrafficPlan::vfName(m_heldVf), name);
        QCOMPARE(traffic->statusText(), u"Loading the traffic of VF %1 on %2 from Prometheus…"_qs.arg(name, m_node));
        QVERIFY(loaded.wait(60000));
        QCOMPARE(traffic->titleText(), u"Traffic of VF %1 on %2"_qs.arg(name, m_node));
        QVERIFY2(traffic->statusText().isEmpty(), qPrintable(traffic->statusText()));
        QCOMPARE(traffic->receiveChart()->title(), u"Receive"_qs);
        QCOMPARE(traffic->transmitChart()->title(), u"Transmit"_qs);
        QCOMPARE(traffic->receiveChart()->unit(), u"B/s"_qs);
        QCOMPARE(traffic->receiveChart()->lineNames(), QStringList { name });
        QCOMPARE(traffic->transmitChart()->lineNames(), QStringList { name });
        compareWithCounter(traffic->receiveChart(), 0, u"sriov_vf_rx_bytes"_qs, m_heldVf.pciAddress);
        compareWithCounter(traffic->transmitChart(), 0, u"sriov_vf_tx_bytes"_qs, m_heldVf.pciAddress);
    }

    void aPfChartsEachOfItsVfsBusiestFirst()
    {
        Views::VfTrafficPanel *traffic = m_page->traffic();
        QSignalSpy loaded(traffic, &Views::VfTrafficPanel::trafficLoaded);
        makeCurrent(false, m_pf.pciAddress);
        QVERIFY(loaded.wait(60000));
        QVERIFY2(
            traffic->titleText().contains(u"the VFs of PF %1 (%2) on %3"_qs.arg(m_pf.name, m_pf.pciAddress, m_node)),
            qPrintable(traffic->titleText()));
        const int shown = std::min(int(m_pf.vfs.size()), Model::VfTrafficPlan::kMaxLines);
        QStringList names = traffic->receiveChart()->lineNames();
        QCOMPARE(names.size(), shown);
        QCOMPARE(traffic->transmitChart()->lineNames(), names);
        if (shown < m_pf.vfs.size())
            QCOMPARE(traffic->statusText(),
                     u"The %1 busiest of %2 VFs are shown (by mean receive plus transmit rate)."_qs.arg(shown).arg(
                         m_pf.vfs.size()));
        else
            QVERIFY2(traffic->statusText().isEmpty(), qPrintable(traffic->statusText()));
        // Held VFs carry traffic and free ones none, so a held one comes first.
        QVERIFY2(names.first().contains(u'('), qPrintable(names.first()));
        double previous = INFINITY;
        for (int line = 0; line < shown; ++line) {
            const auto vf = std::find_if(m_pf.vfs.cbegin(), m_pf.vfs.cend(), [&](const Model::VirtualFunction &v) {
                return Model::VfTrafficPlan::vfName(v) == names.at(line);
            });
            QVERIFY2(vf != m_pf.vfs.cend(), qPrintable(names.at(line)));
            compareWithCounter(traffic->receiveChart(), line, u"sriov_vf_rx_bytes"_qs, vf->pciAddress);
            compareWithCounter(traffic->transmitChart(), line, u"sriov_vf_tx_bytes"_qs, vf->pciAddress);
            const double load = meanOf(traffic->receiveChart(), line) + meanOf(traffic->transmitChart(), line);
            QVERIFY(load <= previous);
            previous = load;
            QCOMPARE(load > 0, vf->pod.has_value());
        }
    }

    void linesAreCappedToTheBusiest()
    {
        // The plan on the whole cluster's VF series, with room for every VF and for one only.
        const auto target = Model::VfTrafficPlan::forPf(m_cluster.loader()->snapshot(), m_node, m_pf.pciAddress);
        QVERIFY(target);
        QCOMPARE(target->vfs, m_pf.vfs);
        // The page asks for these VFs on this node's exporter only.
        const Prom::Scope scope = Model::VfTrafficPlan::scopeOf(m_cluster.loader()->snapshot(), *target);
        QCOMPARE(scope.vfAddresses.size(), m_pf.vfs.size());
        for (const Model::VirtualFunction &vf : m_pf.vfs)
            QVERIFY(scope.vfAddresses.contains(vf.pciAddress));
        QCOMPARE(scope.hosts.first(), m_node);
        QVERIFY(scope.hosts.size() >= 2);
        for (const QString &host : scope.hosts.mid(1))
            QCOMPARE(m_cluster.loader()->snapshot().nodeByAddress.value(host), m_node);
        Model::PodSeriesQuery query(m_cluster.loader()->metrics()->client(), m_cluster.loader()->metrics()->catalogue(),
                                    Prom::Scope {}, Model::VfTrafficPlan::metrics(), m_axis);
        QList<Model::PodSeries> series;
        connect(&query, &Model::PodSeriesQuery::finished, this,
                [&series](const QList<Model::PodSeries> &answer) { series = answer; });
        QSignalSpy finished(&query, &Model::PodSeriesQuery::finished);
        query.start();
        QVERIFY(finished.wait(60000));
        const Prom::MetricCatalogue &catalogue = m_cluster.loader()->metrics()->catalogue();
        const int vfs = int(m_pf.vfs.size());
        const Model::VfTraffic all
            = Model::VfTrafficPlan::build(series, catalogue, m_cluster.loader()->snapshot(), *target, vfs);
        QCOMPARE(all.vfsWithSeries, vfs);
        QCOMPARE(all.vfsShown, vfs);
        const Model::VfTraffic traffic
            = Model::VfTrafficPlan::build(series, catalogue, m_cluster.loader()->snapshot(), *target, 1);
        QCOMPARE(traffic.vfsWithSeries, vfs);
        QCOMPARE(traffic.vfsShown, 1);
        QCOMPARE(traffic.charts.size(), 2);
        const QString busiest = all.charts.first().seriesNames().first();
        QCOMPARE(traffic.charts.first().seriesNames(), QStringList { busiest });
        QCOMPARE(traffic.charts.last().seriesNames(), QStringList { busiest });
        // The same VF addresses on another node are not this PF's.
        const auto elsewhere
            = Model::VfTrafficPlan::build(series, catalogue, m_cluster.loader()->snapshot(),
                                          Model::VfTrafficTarget { u"no-such-node"_qs, {}, {}, m_pf.vfs });
        QCOMPARE(elsewhere.vfsWithSeries, 0);
        QVERIFY(elsewhere.charts.isEmpty());
    }

    void csvAndPngHoldWhatIsCharted()
    {
        Views::VfTrafficPanel *traffic = m_page->traffic();
        QSignalSpy loaded(traffic, &Views::VfTrafficPanel::trafficLoaded);
        makeCurrent(true, m_heldVf.pciAddress);
        QVERIFY(loaded.wait(60000));
        const QString path = m_dir.filePath(u"traffic.csv"_qs);
        const auto error = m_page->exportTo(SriovPage::ExportTarget::TrafficCsv, path);
        QVERIFY2(!error, qPrintable(error.value_or(QString())));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = file.readAll().split('\n');
        const QString name = Model::VfTrafficPlan::vfName(m_heldVf);
        QCOMPARE(QString::fromUtf8(rows.first().trimmed()), u"timestamp,%1 rx,%1 tx"_qs.arg(name));
        int compared = 0;
        for (const QByteArray &row : rows.mid(1)) {
            const QList<QByteArray> cells = row.trimmed().split(',');
            if (cells.size() != 3)
                continue;
            const QDateTime time = QDateTime::fromString(QString::fromUtf8(cells.at(0)), Qt::ISODate);
            QVERIFY(time.isValid());
            for (int column = 1; column <= 2; ++column) {
                auto *chart = column == 1 ? traffic->receiveChart() : traffic->transmitChart();
                const auto shown = chart->valueAt(0, time);
                QCOMPARE(cells.at(column).isEmpty(), !shown.has_value());
                if (shown)
                    QCOMPARE(cells.at(column).toDouble(), *shown);
            }
            ++compared;
        }
        QCOMPARE(compared, m_axis.count);

        const QString png = m_dir.filePath(u"traffic.png"_qs);
        QVERIFY(!m_page->exportTo(SriovPage::ExportTarget::TrafficPng, png));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), qRound(traffic->width() * traffic->devicePixelRatioF()));
        QCOMPARE(image.height(), qRound(traffic->height() * traffic->devicePixelRatioF()));
        // The export actions sit in the page's menu and the panel's context menu.
        QVERIFY(traffic->actions().contains(m_page->exportAction(SriovPage::ExportTarget::TrafficPng)));
        QVERIFY(traffic->actions().contains(m_page->exportAction(SriovPage::ExportTarget::TrafficCsv)));
    }

    void aNewerTargetSupersedesTheOlder()
    {
        Views::VfTrafficPanel *traffic = m_page->traffic();
        QSignalSpy loaded(traffic, &Views::VfTrafficPanel::trafficLoaded);
        makeCurrent(true, m_heldVf.pciAddress);
        QVERIFY(traffic->isLoading());
        makeCurrent(false, m_pf.pciAddress);
        // The VF's query went with its requests, so only the PF's can answer.
        QVERIFY(loaded.wait(60000));
        QCOMPARE(loaded.size(), 1);
        QVERIFY(traffic->target()->isPf());
        QCOMPARE(traffic->receiveChart()->lineCount(), std::min(int(m_pf.vfs.size()), Model::VfTrafficPlan::kMaxLines));
        // Back to no current row: the panel says so and draws nothing.
        m_page->pfTable()->view()->setCurrentIndex({});
        QVERIFY(traffic->statusText().startsWith(u"Select a VF"_qs));
        QVERIFY(traffic->charts()->charts().isEmpty());
    }

    void aRangeWithoutDataSaysSo()
    {
        // Years before the simulator's counters start: Prometheus answers, with no series.
        m_page->setTimeAxis(Prom::TimeAxis { 1600000000, 60, 20 });
        Views::VfTrafficPanel *traffic = m_page->traffic();
        QSignalSpy loaded(traffic, &Views::VfTrafficPanel::trafficLoaded);
        makeCurrent(true, m_heldVf.pciAddress);
        QVERIFY(loaded.wait(60000));
        QCOMPARE(traffic->statusText(),
                 u"Prometheus has no traffic series for VF %1 on %2 in this time range."_qs.arg(
                     Model::VfTrafficPlan::vfName(m_heldVf), m_node));
        QVERIFY(traffic->charts()->charts().isEmpty());
        QVERIFY(m_page->exportTo(SriovPage::ExportTarget::TrafficCsv, m_dir.filePath(u"empty.csv"_qs)));
    }

    void withoutPrometheusThePageSaysSo()
    {
        m_page->setPrometheus(nullptr, Prom::MetricCatalogue());
        QSignalSpy failed(m_page->traffic(), &Views::VfTrafficPanel::trafficFailed);
        makeCurrent(true, m_heldVf.pciAddress);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(m_page->traffic()->statusText(), u"No Prometheus is connected, so there is no VF traffic to show."_qs);
        QVERIFY(m_page->traffic()->charts()->charts().isEmpty());
    }

    void aDeletedClientFailsCleanly()
    {
        QNetworkAccessManager nam;
        auto *client = new Prom::PromClient(&nam, m_cluster.loader()->metrics()->client()->endpoint());
        m_page->setPrometheus(client, m_cluster.loader()->metrics()->catalogue());
        QSignalSpy failed(m_page->traffic(), &Views::VfTrafficPanel::trafficFailed);
        makeCurrent(true, m_heldVf.pciAddress);
        QVERIFY(m_page->traffic()->isLoading());
        delete client;
        QCOMPARE(failed.size(), 1);
        QVERIFY(!m_page->traffic()->isLoading());
        QVERIFY2(m_page->traffic()->statusText().startsWith(u"Could not load the traffic of VF %1 on %2: "_qs.arg(
                     Model::VfTrafficPlan::vfName(m_heldVf), m_node))
                     && m_page->traffic()->statusText().contains(u"the Prometheus connection was closed"_qs),
                 qPrintable(m_page->traffic()->statusText()));
        // Asking again finds no client.
        m_page->reload();
        QCOMPARE(failed.size(), 2);
        QCOMPARE(m_page->traffic()->statusText(), u"No Prometheus is connected, so there is no VF traffic to show."_qs);
    }

private:
    // Makes the row of this VF (or PF) on m_node current, on its tab.
    void makeCurrent(bool vf, const QString &pciAddress)
    {
        Views::TablePage *table = vf ? m_page->vfTable() : m_page->pfTable();
        const int nodeRole = vf ? int(Model::VfTableModel::NodeRole) : int(Model::PfTableModel::NodeRole);
        const int pciRole = vf ? int(Model::VfTableModel::PciAddressRole) : int(Model::PfTableModel::PciAddressRole);
        m_page->tabs()->setCurrentWidget(table);
        QSortFilterProxyModel *proxy = table->proxy();
        for (int row = 0; row < proxy->rowCount(); ++row) {
            const QModelIndex index = proxy->index(row, 0);
            if (index.data(nodeRole).toString() == m_node && index.data(pciRole).toString() == pciAddress) {
                table->view()->setCurrentIndex(index);
                return;
            }
        }
        QFAIL(qPrintable(u"no row for %1 on %2"_qs.arg(pciAddress, m_node)));
    }

    // Every point of the line equals rate() over the simulator's counter for this VF on m_node:
    // at the axis' whole minutes the catalogue's window holds scrapes at both its ends, so the
    // rate is the counter's rise over the window, divided by it.
    void compareWithCounter(Views::TimeSeriesChart *chart, int line, const QString &family, const QString &pciAddress)
    {
        const Sim::SimFamily *counters = m_metrics.family(family);
        QVERIFY(counters);
        const Sim::SimSeries *counter = nullptr;
        for (const Sim::SimSeries &series : counters->series) {
            const QString host = Model::hostOfInstance(series.labels.value(u"instance"_qs));
            if (series.labels.value(u"pciAddr"_qs) == pciAddress
                && m_cluster.loader()->snapshot().nodeByAddress.value(host) == m_node)
                counter = &series;
        }
        QVERIFY2(counter, qPrintable(pciAddress));
        const qint64 window
            = std::max<qint64>(m_cluster.loader()->metrics()->catalogue().rateWindow().count(), 2 * m_axis.step);
        QCOMPARE(m_axis.step % m_metrics.scrapeInterval(), 0);
        int compared = 0;
        for (int i = 0; i < m_axis.count; ++i) {
            const qint64 t = m_axis.timeAt(i);
            const auto shown = chart->valueAt(line, QDateTime::fromSecsSinceEpoch(t, Qt::UTC));
            if (!shown)
                continue; // after the simulator's now
            const auto now = counter->value(t);
            const auto before = counter->value(t - window);
            QVERIFY(now && before);
            const double expected = (*now - *before) / double(window);
            QVERIFY2(
                std::fabs(*shown - expected) <= 1e-9 * std::max(1.0, std::fabs(expected)),
                qPrintable(
                    u"%1 line %2 at %3: %4 vs %5"_qs.arg(chart->title()).arg(line).arg(t).arg(*shown).arg(expected)));
            ++compared;
        }
        QVERIFY2(compared >= m_axis.count - 2, qPrintable(QString::number(compared)));
    }

    static double meanOf(Views::TimeSeriesChart *chart, int line)
    {
        double sum = 0;
        int count = 0;
        for (qint64 t = chart->visibleFrom().toSecsSinceEpoch(); t <= chart->visibleTo().toSecsSinceEpoch(); t += 60) {
            if (const auto value = chart->valueAt(line, QDateTime::fromSecsSinceEpoch(t, Qt::UTC))) {
                sum += *value;
                ++count;
            }
        }
        return count > 0 ? sum / count : 0;
    }

    QTemporaryDir m_dir;
    SimTest::LoadedCluster m_cluster;
    Sim::MetricSet m_metrics;
    QString m_node;
    Model::PhysicalFunction m_pf;
    Model::VirtualFunction m_heldVf;
    std::unique_ptr<SriovPage> m_page;
    Prom::TimeAxis m_axis;
};

QTEST_MAIN(TestSriovTraffic)
#include "tst_sriovtraffic.moc"
