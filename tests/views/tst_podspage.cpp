// SPDX-License-Identifier: GPL-3.0-or-later
// The Pods page against the simulated cluster: the list, filters, and the charts of a selected
// pod, whose numbers must be exactly what the simulator's generators say.
#include "../nearlyequal.h"
#include "../sim/loadedcluster.h"
#include "model/metricsconnection.h"
#include "model/podchartplan.h"
#include "sim/dcgmmetrics.h"
#include "sim/gpufleet.h"
#include "views/charts/podchartsgrid.h"
#include "views/charts/timeserieschart.h"
#include "views/podspage.h"

#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QThreadPool>

using namespace Specula;
using Sim::DcgmMetrics;

namespace {

constexpr qint64 kScrape = 30;

QString keyOf(const Sim::GpuHolder &holder)
{
    return holder.ns + u'/' + holder.pod;
}

} // namespace

class TestPodsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_cluster.start(u"builtin:demo"_qs);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_fleet = Sim::GpuFleet::build(m_cluster.server()->scenario());
        QCOMPARE(m_cluster.loader()->snapshot().prometheus.state, Model::PrometheusStatus::State::Ok);
        // A whole GPU held by one pod, and a MIG instance held by one pod.
        for (const Sim::GpuDevice &device : m_fleet.devices()) {
            if (device.holders.size() != 1)
                continue;
            if (!device.isInstance() && !device.migEnabled && !m_whole)
                m_whole = &device;
            if (device.isInstance() && !m_instance)
                m_instance = &device;
        }
        QVERIFY(m_whole && m_instance);
    }

    void init()
    {
        m_page = std::make_unique<Views::PodsPage>();
        m_page->resize(1400, 900);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QSignalSpy updated(m_page.get(), &Views::PodsPage::updated);
        m_page->setSnapshot(m_cluster.loader()->snapshot(), true);
        QVERIFY(updated.wait());
        QCOMPARE(m_page->proxy()->rowCount(), m_cluster.loader()->snapshot().pods.size());
        m_page->setPrometheus(m_cluster.loader()->metrics()->client(), m_cluster.loader()->metrics()->catalogue());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_axis = Prom::TimeAxis::covering(now.addSecs(-20 * 60), now, std::chrono::seconds(60));
        m_page->setTimeAxis(m_axis);
    }

    void cleanup() { m_page.reset(); }

    void listsThePodsThatHoldResources()
    {
        const auto &pods = m_cluster.loader()->snapshot().pods;
        QCOMPARE(m_page->proxy()->rowCount(), int(pods.size()));
        QVERIFY(m_page->selectPod(keyOf(m_whole->holders.first())));
        QCOMPARE(m_page->selectedPod(), keyOf(m_whole->holders.first()));
        QVERIFY(!m_page->selectPod(u"nowhere/nothing"_qs));
    }

    void aWholeGpuPodShowsItsCharts()
    {
        const Sim::GpuHolder holder = m_whole->holders.first();
        QSignalSpy loaded(m_page.get(), &Views::PodsPage::chartsLoaded);
        QVERIFY(m_page->selectPod(keyOf(holder)));
        QVERIFY(m_page->statusText().startsWith(u"Loading "_qs));
        QVERIFY(loaded.wait(60000));
        QCOMPARE(loaded.first().first().toString(), keyOf(holder));
        QVERIFY2(m_page->statusText().isEmpty(), qPrintable(m_page->statusText()));

        QStringList titles;
        for (Views::TimeSeriesChart *chart : m_page->charts()->charts())
            titles.append(chart->title());
        for (const QString &title :
             { u"CPU"_qs, u"Memory"_qs, u"GPU utilization"_qs, u"GPU memory used"_qs, u"Power"_qs, u"Network"_qs })
            QVERIFY2(titles.contains(title), qPrintable(titles.join(u", "_qs)));

        // One line per GPU the pod holds, named by index, in name order.
        QStringList gpus;
        for (const Sim::GpuDevice &device : m_fleet.devices()) {
            if (device.holders.contains(holder))
                gpus.append(u"GPU %1"_qs.arg(device.index));
        }
        gpus.sort();
        const QString name = u"GPU %1"_qs.arg(m_whole->index);
        Views::TimeSeriesChart *util = m_page->charts()->chart(u"GPU utilization"_qs);
        QCOMPARE(util->lineNames(), gpus);
        QCOMPARE(util->unit(), u"%"_qs);
        Views::TimeSeriesChart *memory = m_page->charts()->chart(u"GPU memory used"_qs);
        QCOMPARE(memory->lineNames(), gpus);
        compareWithGenerator(util, int(gpus.indexOf(name)), DcgmMetrics::Field::GpuUtil, *m_whole, 1);
        compareWithGenerator(memory, int(gpus.indexOf(name)), DcgmMetrics::Field::FbUsed, *m_whole, 1);
        // The GPU's power sits next to the pod's own in one chart.
        Views::TimeSeriesChart *power = m_page->charts()->chart(u"Power"_qs);
        const int gpuPower = int(power->lineNames().indexOf(name));
        QVERIFY2(gpuPower >= 0, qPrintable(power->lineNames().join(u", "_qs)));
        compareWithGenerator(power, gpuPower, DcgmMetrics::Field::PowerUsage, *m_whole, 1);

        Views::TimeSeriesChart *network = m_page->charts()->chart(u"Network"_qs);
        QVERIFY(network->lineNames().contains(u"eth0 rx"_qs));
        QVERIFY(network->lineNames().contains(u"eth0 tx"_qs));
        QCOMPARE(network->unit(), u"B/s"_qs);
    }

    void aMigInstanceIsNamedAndRead()
    {
        const Sim::GpuHolder holder = m_instance->holders.first();
        QSignalSpy loaded(m_page.get(), &Views::PodsPage::chartsLoaded);
        QVERIFY(m_page->selectPod(keyOf(holder)));
        QVERIFY(loaded.wait(60000));
        Views::TimeSeriesChart *util = m_page->charts()->chart(u"GPU utilization"_qs);
        QVERIFY(util);
        const QString name = u"GPU %1 MIG %2 (%3)"_qs.arg(m_instance->index)
                                 .arg(m_instance->gpuInstanceId)
                                 .arg(m_instance->migProfile);
        QCOMPARE(util->lineNames(), QStringList { name });
        // MIG instances report the graphics engine's activity as a ratio; the chart shows percent.
        compareWithGenerator(util, 0, DcgmMetrics::Field::GrEngineActive, *m_instance, 100);
    }

    void aPodWithVfsNamesThem()
    {
        const Model::ClusterSnapshot snapshot = m_cluster.loader()->snapshot();
        const auto pod = std::find_if(snapshot.pods.cbegin(), snapshot.pods.cend(),
                                      [](const Model::PodSummary &p) { return !p.vfs.isEmpty() && !p.node.isEmpty(); });
        QVERIFY(pod != snapshot.pods.cend());
        const QHash<QString, QString> interfaces = Model::PodChartPlan::vfInterfaces(snapshot, pod->key());
        QVERIFY(!interfaces.isEmpty());
        // Its VFs' traffic is asked of its node's exporter only, not rated for every VF of the
        // cluster before the join; the lines below come through that narrower query.
        const Prom::Scope scope = Model::PodSeriesQuery::podScope(snapshot, pod->namespaceName, pod->name);
        QCOMPARE(scope.hosts, snapshot.hostsOf(pod->node));
        QCOMPARE(scope.hosts.value(0), pod->node);
        const auto vfRx = m_cluster.loader()->metrics()->catalogue().expr(Prom::Metric::VfRx, scope);
        QVERIFY(vfRx);
        QVERIFY2(vfRx->contains(u"instance=~"_qs) && vfRx->contains(pod->node), qPrintable(*vfRx));
        QSignalSpy loaded(m_page.get(), &Views::PodsPage::chartsLoaded);
        QVERIFY(m_page->selectPod(pod->key()));
        QVERIFY(loaded.wait(60000));
        Views::TimeSeriesChart *network = m_page->charts()->chart(u"Network"_qs);
        QVERIFY(network);
        const QStringList names = network->lineNames();
        for (auto it = interfaces.cbegin(); it != interfaces.cend(); ++it) {
            if (!it.value().isEmpty())
                QVERIFY2(names.contains(u"%1 (VF %2) rx"_qs.arg(it.value(), it.key())),
                         qPrintable(names.join(u", "_qs)));
        }
    }

    void aNewerSelectionSupersedesTheOlder()
    {
        QSignalSpy loaded(m_page.get(), &Views::PodsPage::chartsLoaded);
        QVERIFY(m_page->selectPod(keyOf(m_whole->holders.first())));
        QVERIFY(m_page->selectPod(keyOf(m_instance->holders.first())));
        // The first selection's query was dropped with its requests, so it can never answer.
        QVERIFY(loaded.wait(60000));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().first().toString(), keyOf(m_instance->holders.first()));
        QVERIFY(m_page->charts()->chart(u"GPU utilization"_qs)->lineNames().first().contains(u"MIG"_qs));
    }

    void selectionSurvivesUpdatesAndFiltersApply()
    {
        const QString key = keyOf(m_whole->holders.first());
        QVERIFY(m_page->selectPod(key));
        Model::ClusterSnapshot changed = m_cluster.loader()->snapshot();
        changed.pods.removeIf([&](const Model::PodSummary &p) {
            return p.key() != key && p.namespaceName != m_whole->holders.first().ns;
        });
        QSignalSpy updated(m_page.get(), &Views::PodsPage::updated);
        m_page->setSnapshot(changed);
        QVERIFY(updated.wait());
        QCOMPARE(m_page->proxy()->rowCount(), changed.pods.size());
        QCOMPARE(m_page->selectedPod(), key);
        m_page->setSnapshot(m_cluster.loader()->snapshot());
        QVERIFY(updated.wait());
        QCOMPARE(m_page->proxy()->rowCount(), m_cluster.loader()->snapshot().pods.size());
        QCOMPARE(m_page->selectedPod(), key);
        const QModelIndexList selected = m_page->view()->selectionModel()->selectedRows(1);
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data().toString(), m_whole->holders.first().pod);

        m_page->setNamespaceFilter(m_whole->holders.first().ns);
        QVERIFY(m_page->proxy()->rowCount() > 0);
        for (int row = 0; row < m_page->proxy()->rowCount(); ++row)
            QCOMPARE(m_page->proxy()->index(row, 0).data().toString(), m_whole->holders.first().ns);
        m_page->setFilterText(m_whole->holders.first().pod);
        QVERIFY(m_page->proxy()->rowCount() >= 1);
        m_page->setNamespaceFilter(u"no-such-namespace"_qs);
        QCOMPARE(m_page->proxy()->rowCount(), 0);
        QVERIFY(!m_page->selectPod(key));
    }

    void onlyTheLatestSnapshotIsShown()
    {
        const QString key = keyOf(m_whole->holders.first());
        QAbstractItemModel *list = m_page->proxy();
        // Whatever the list shows at any moment: the older snapshot's pod must never be in it.
        bool olderShown = false;
        auto check = [&] {
            olderShown = olderShown || !list->match(list->index(0, 1), Qt::DisplayRole, u"older"_qs).isEmpty();
        };
        connect(list, &QAbstractItemModel::dataChanged, this, check);
        connect(list, &QAbstractItemModel::rowsInserted, this, check);
        connect(list, &QAbstractItemModel::modelReset, this, check);
        connect(list, &QAbstractItemModel::layoutChanged, this, check);

        Model::ClusterSnapshot older = m_cluster.loader()->snapshot();
        Model::PodSummary extra = older.pods.first();
        extra.namespaceName = u"0-first"_qs; // sorts before every other namespace
        extra.name = u"older"_qs;
        older.pods.prepend(extra);
        Model::ClusterSnapshot newer = m_cluster.loader()->snapshot();
        newer.pods.removeIf([&](const Model::PodSummary &p) { return p.key() != key; });
        QSignalSpy updated(m_page.get(), &Views::PodsPage::updated);
        m_page->setSnapshot(older);
        m_page->setSnapshot(newer);
        QVERIFY(updated.wait());
        QCOMPARE(list->rowCount(), 1);
        QCOMPARE(list->index(0, 1).data().toString(), m_whole->holders.first().pod);
        // Both computations done and their results delivered: still only the newer one shown.
        QThreadPool::globalInstance()->waitForDone();
        for (int round = 0; round < 3; ++round)
            QCoreApplication::processEvents();
        QCOMPARE(updated.size(), 1);
        QVERIFY(!olderShown);
        QCOMPARE(list->rowCount(), 1);
    }

    void withoutPrometheusThePageSaysSo()
    {
        m_page->setPrometheus(nullptr, Prom::MetricCatalogue());
        QSignalSpy failed(m_page.get(), &Views::PodsPage::chartsFailed);
        QVERIFY(m_page->selectPod(keyOf(m_whole->holders.first())));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(m_page->statusText().contains(u"No Prometheus is connected"_qs), qPrintable(m_page->statusText()));
        QVERIFY(m_page->charts()->charts().isEmpty());
    }

private:
    // Every point of the chart's line equals the generator's sample at the newest scrape at or
    // before the point's time.
    void compareWithGenerator(Views::TimeSeriesChart *chart, int line, DcgmMetrics::Field field,
                              const Sim::GpuDevice &device, double scale)
    {
        int compared = 0;
        for (int i = 0; i < m_axis.count; ++i) {
            const qint64 t = m_axis.timeAt(i);
            const auto shown = chart->valueAt(line, QDateTime::fromSecsSinceEpoch(t, Qt::UTC));
            const auto expected = DcgmMetrics::value(field, m_fleet.seed(), device, t / kScrape * kScrape);
            if (!shown)
                continue; // before the simulator's history or after now
            QVERIFY(expected);
            QVERIFY2(
                TestNumbers::nearlyEqual(*shown, *expected * scale),
                qPrintable(u"%1 at %2: %3 vs %4"_qs.arg(chart->title()).arg(t).arg(*shown).arg(*expected * scale)));
            ++compared;
        }
        QVERIFY2(compared >= m_axis.count - 2, qPrintable(QString::number(compared)));
    }

    SimTest::LoadedCluster m_cluster;
    Sim::GpuFleet m_fleet;
    const Sim::GpuDevice *m_whole = nullptr;
    const Sim::GpuDevice *m_instance = nullptr;
    std::unique_ptr<Views::PodsPage> m_page;
    Prom::TimeAxis m_axis;
};

QTEST_MAIN(TestPodsPage)
#include "tst_podspage.moc"
