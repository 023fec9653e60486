// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/podrequests.h"

#include <QTest>

using namespace Specula;

Q_DECLARE_METATYPE(Specula::Kube::Pod)

namespace {

Kube::ResourceList resources(std::initializer_list<std::pair<const char *, const char *>> items)
{
    Kube::ResourceList list;
    for (const auto &[name, quantity] : items)
        list.insert(QString::fromLatin1(name), *Core::Quantity::parse(QString::fromLatin1(quantity)));
    return list;
}

Kube::Container container(Kube::ResourceList requests, Kube::ResourceList limits = {}, bool restartable = false)
{
    Kube::Container c;
    c.name = QStringLiteral("c");
    c.requests = std::move(requests);
    c.limits = std::move(limits);
    c.restartable = restartable;
    return c;
}

} // namespace

class TestPodRequests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void extendedResources_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("extended");
        QTest::addRow("nvidia-gpu") << u"nvidia.com/gpu"_qs << true;
        QTest::addRow("mig") << u"nvidia.com/mig-1g.10gb"_qs << true;
        QTest::addRow("sriov-pool") << u"openshift.io/intelnics"_qs << true;
        QTest::addRow("cpu") << u"cpu"_qs << false;
        QTest::addRow("hugepages") << u"hugepages-2Mi"_qs << false;
        QTest::addRow("native-domain") << u"kubernetes.io/batch"_qs << false;
        QTest::addRow("native-subdomain") << u"example.kubernetes.io/thing"_qs << false;
    }
    void extendedResources()
    {
        QFETCH(QString, name);
        QFETCH(bool, extended);
        QCOMPARE(Model::isExtendedResource(name), extended);
    }

    void effective_data()
    {
        QTest::addColumn<Kube::Pod>("pod");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<qint64>("milli");

        Kube::Pod twoApps;
        twoApps.containers = { container(resources({ { "nvidia.com/gpu", "1" }, { "cpu", "500m" } })),
                               container(resources({ { "nvidia.com/gpu", "2" }, { "cpu", "250m" } })) };
        QTest::addRow("app-containers-add-up") << twoApps << u"nvidia.com/gpu"_qs << qint64(3000);
        QTest::addRow("cpu-milli") << twoApps << u"cpu"_qs << qint64(750);

        Kube::Pod limitsOnly;
        limitsOnly.containers = { container({}, resources({ { "nvidia.com/gpu", "2" }, { "cpu", "1" } })) };
        QTest::addRow("limit-counts-for-extended") << limitsOnly << u"nvidia.com/gpu"_qs << qint64(2000);
        QTest::addRow("limit-not-for-cpu") << limitsOnly << u"cpu"_qs << qint64(0);

        Kube::Pod bigInit;
        bigInit.initContainers = { container(resources({ { "nvidia.com/gpu", "4" } })) };
        bigInit.containers = { container(resources({ { "nvidia.com/gpu", "1" } })) };
        QTest::addRow("init-container-peak-wins") << bigInit << u"nvidia.com/gpu"_qs << qint64(4000);

        Kube::Pod sidecar;
        sidecar.initContainers = { container(resources({ { "openshift.io/pool", "1" } }), {}, true),
                                   container(resources({ { "openshift.io/pool", "1" } })) };
        sidecar.containers = { container(resources({ { "openshift.io/pool", "1" } })) };
        // The sidecar keeps running: 1 (sidecar) + 1 (app) beats 1 (sidecar) + 1 (init).
        QTest::addRow("sidecar-adds-to-app") << sidecar << u"openshift.io/pool"_qs << qint64(2000);

        Kube::Pod sidecarThenBigInit;
        sidecarThenBigInit.initContainers = { container(resources({ { "nvidia.com/gpu", "1" } }), {}, true),
                                              container(resources({ { "nvidia.com/gpu", "3" } })) };
        sidecarThenBigInit.containers = { container(resources({ { "nvidia.com/gpu", "1" } })) };
        // The init container runs beside the sidecar that started before it: 3 + 1.
        QTest::addRow("init-after-sidecar") << sidecarThenBigInit << u"nvidia.com/gpu"_qs << qint64(4000);

        Kube::Pod overhead;
        overhead.containers = { container(resources({ { "cpu", "1" } })) };
        overhead.overhead = resources({ { "cpu", "250m" } });
        QTest::addRow("overhead-added") << overhead << u"cpu"_qs << qint64(1250);
    }
    void effective()
    {
        QFETCH(Kube::Pod, pod);
        QFETCH(QString, resource);
        QFETCH(qint64, milli);
        QCOMPARE(Model::effectiveRequests(pod).value(resource).milli(), milli);
    }
};

QTEST_GUILESS_MAIN(TestPodRequests)
#include "tst_podrequests.moc"
