// SPDX-License-Identifier: GPL-3.0-or-later
// The Kubernetes client against the simulated cluster over real HTTPS on 127.0.0.1.
#include "kube/discoveryjob.h"
#include "kube/listjob.h"
#include "kube/resourceparsers.h"
#include "net/apiconnection.h"
#include "simclientfixture.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QThread>
#include <QTimer>

using namespace Specula;
using Kube::ResourceKind;
using Sim::SimServer;

namespace {

struct ListOutcome
{
    QList<Kube::Resource> items;
    int pages = 0;
    int restarts = 0;
    QString resourceVersion;
    std::optional<Core::Error> error;
};

// Runs one list to its end while the event loop keeps going.
ListOutcome runList(Kube::KubeClient &client, ResourceKind kind, const Kube::ListOptions &options = {},
                    std::function<void(int page)> onPage = {})
{
    ListOutcome outcome;
    bool done = false;
    Kube::ListJob *job = client.list(kind, options);
    QObject::connect(job, &Kube::ListJob::page, [&](const QList<Kube::Resource> &items) {
        outcome.items += items;
        ++outcome.pages;
        if (onPage)
            onPage(outcome.pages);
    });
    QObject::connect(job, &Kube::ListJob::restarted, [&](const Core::Error &) {
        outcome.items.clear();
        outcome.pages = 0;
        ++outcome.restarts;
    });
    QObject::connect(job, &Kube::ListJob::finished, [&](const QString &rv) {
        outcome.resourceVersion = rv;
        done = true;
    });
    QObject::connect(job, &Kube::ListJob::failed, [&](const Core::Error &error) {
        outcome.error = error;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        qWarning("list did not finish");
    return outcome;
}

QString errorText(const ListOutcome &outcome)
{
    return outcome.error ? outcome.error->toString() : QString();
}

} // namespace

class TestKubeClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void discovery()
    {
        Test::SimCluster cluster;
        Sim::Scenario scenario = Test::demoScenario();
        scenario.serverVersion = QStringLiteral("v1.31.6+rke2r1");
        QVERIFY(cluster.start(scenario));
        auto context = cluster.contextFromKubeconfig(SimServer::KubeconfigAuth::ClientCertificate);
        QVERIFY2(context, qPrintable(context.ok() ? QString() : context.error().toString()));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, *context);
        QSignalSpy discovered(&client, &Kube::KubeClient::discovered);
        client.discover();
        QVERIFY(discovered.wait(10000));
        const Kube::ApiDiscovery discovery = client.discovery().value();
        QCOMPARE(discovery.gitVersion, u"v1.31.6+rke2r1"_qs);
        QVERIFY(discovery.groupVersions.contains(u"v1"_qs));
        QVERIFY(discovery.serves(ResourceKind::Pod));
        QCOMPARE(discovery.resource(ResourceKind::SriovNetworkNodeState)->group, u"sriovnetwork.openshift.io"_qs);
        QCOMPARE(discovery.serves(ResourceKind::NetworkAttachmentDefinition),
                 !scenario.objects.value(u"network-attachment-definitions"_qs).isEmpty());
        QCOMPARE(!discovery.draVersion.isEmpty(), scenario.hasDra());
    }

    // Google Distributed Cloud serves the SR-IOV operator under another group; DRA is there only
    // when the cluster has it.
    void discoveryOptionalApis_data()
    {
        QTest::addColumn<QString>("sriovGroup");
        QTest::addColumn<bool>("withDra");
        QTest::addRow("openshift-group-with-dra") << u"sriovnetwork.openshift.io"_qs << true;
        QTest::addRow("gdc-group-without-dra") << u"sriovnetwork.k8s.cni.cncf.io"_qs << false;
    }
    void discoveryOptionalApis()
    {
        QFETCH(QString, sriovGroup);
        QFETCH(bool, withDra);
        Sim::Scenario scenario = Test::demoScenario();
        scenario.sriovGroup = sriovGroup;
        if (!withDra) {
            scenario.objects.remove(u"resourceslices"_qs);
            scenario.objects.remove(u"resourceclaims"_qs);
        } else if (!scenario.hasDra()) {
            scenario.objects[u"resourceslices"_qs].append(QJsonObject {
                { u"metadata"_qs, QJsonObject { { u"name"_qs, u"gpu-h100-0-gpu.nvidia.com"_qs } } },
                { u"spec"_qs,
                  QJsonObject { { u"driver"_qs, u"gpu.nvidia.com"_qs }, { u"nodeName"_qs, u"gpu-h100-0"_qs } } } });
        }
        Test::SimCluster cluster;
        QVERIFY(cluster.start(scenario));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, cluster.tokenContext());
        QSignalSpy discovered(&client, &Kube::KubeClient::discovered);
        client.discover();
        QVERIFY(discovered.wait(10000));
        QCOMPARE(client.discovery()->draVersion, withDra ? u"v1"_qs : QString());
        QCOMPARE(client.apiResource(ResourceKind::SriovNetworkNodeState)->group, sriovGroup);
        const ListOutcome states = runList(client, ResourceKind::SriovNetworkNodeState);
        QVERIFY2(!states.error, qPrintable(errorText(states)));
        QCOMPARE(states.items.size(), scenario.objects.value(u"sriovnetworknodestates"_qs).size());
        QCOMPARE(std::get<Kube::SriovNetworkNodeState>(states.items.first()).apiGroup, sriovGroup);
    }

    // A kind that discovery did not find is never requested: the job fails on its own.
    void kindNotServedIsNotRequested()
    {
        Test::SimCluster cluster;
        QVERIFY(cluster.start(Test::demoScenario()));
        auto credentials = std::make_shared<Test::RotatingCredentials>(QList<QByteArray> { cluster.bearer() });
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, cluster.handContext(credentials));
        QVERIFY(!client.serves(ResourceKind::NetworkAttachmentDefinition)); // optional: unknown before discovery
        Kube::ApiDiscovery withoutSriov;
        withoutSriov.resources.insert(ResourceKind::Pod, Kube::ApiDiscovery::coreResource(ResourceKind::Pod));
        client.setDiscovery(withoutSriov);
        const ListOutcome states = runList(client, ResourceKind::SriovNetworkNodeState);
        QVERIFY(states.error);
        QCOMPARE(states.error->kind, Core::Error::Kind::NotFound);
        QVERIFY(states.error->message.contains(u"sriovnetworknodestates"_qs));
        QCOMPARE(credentials->fetches, 0);
    }

    void paginatedListCountsEverything_data()
    {
        QTest::addColumn<int>("extraPods");
        QTest::addColumn<int>("pageSize");
        QTest::addRow("demo-default-pages") << 0 << 500;
        QTest::addRow("demo-pages-of-3") << 0 << 3;
        QTest::addRow("2345-pods-pages-of-500") << 2345 << 500;
        QTest::addRow("2345-pods-unpaged") << 2345 << 0;
    }
    void paginatedListCountsEverything()
    {
        QFETCH(int, extraPods);
        QFETCH(int, pageSize);
        Test::SimCluster cluster;
        const Sim::Scenario scenario = Test::scenarioWithPods(extraPods);
        QVERIFY(cluster.start(scenario));
        auto context = cluster.contextFromKubeconfig(SimServer::KubeconfigAuth::Token);
        QVERIFY2(context, qPrintable(context.ok() ? QString() : context.error().toString()));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, *context);
        Kube::ListOptions options;
        options.pageSize = pageSize;
        const ListOutcome pods = runList(client, ResourceKind::Pod, options);
        QVERIFY2(!pods.error, qPrintable(errorText(pods)));
        QCOMPARE(pods.items.size(), scenario.pods.size());
        const int expectedPages = pageSize == 0 ? 1 : int((scenario.pods.size() + pageSize - 1) / pageSize);
        QCOMPARE(pods.pages, expectedPages);
        QVERIFY(!pods.resourceVersion.isEmpty());
        QSet<QString> names;
        // Pages read one after another share their texts: one copy of each namespace.
        QHash<QString, const QChar *> namespaceText;
        for (const auto &item : pods.items) {
            const auto &pod = std::get<Kube::Pod>(item);
            names.insert(pod.meta.namespaceName + u'/' + pod.meta.name);
            const QChar *text = namespaceText.value(pod.meta.namespaceName, pod.meta.namespaceName.constData());
            QVERIFY2(text == pod.meta.namespaceName.constData(), qPrintable(pod.meta.namespaceName));
            namespaceText.insert(pod.meta.namespaceName, text);
        }
        QCOMPARE(names.size(), pods.items.size()); // no page twice, none lost
        const ListOutcome nodes = runList(client, ResourceKind::Node);
        QCOMPARE(nodes.items.size(), scenario.nodes.size());
    }

    void fieldSelectorAndNamespace()
    {
        Test::SimCluster cluster;
        const Sim::Scenario scenario = Test::scenarioWithPods(50);
        QVERIFY(cluster.start(scenario));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, cluster.tokenContext());
        Kube::ListOptions options;
        options.namespaceName = u"bulk-3"_qs;
        const ListOutcome pods = runList(client, ResourceKind::Pod, options);
        QVERIFY2(!pods.error, qPrintable(errorText(pods)));
        qsizetype expected = 0;
        for (const auto &pod : scenario.pods)
            expected += pod.ns == u"bulk-3"_qs ? 1 : 0;
        QCOMPARE(pods.items.size(), expected);
        const QString node = scenario.pods.first().node;
        Kube::ListOptions onNode;
        onNode.fieldSelector = u"spec.nodeName="_qs + node;
        const ListOutcome nodePods = runList(client, ResourceKind::Pod, onNode);
        QVERIFY(!nodePods.items.isEmpty());
        for (const auto &item : nodePods.items)
            QCOMPARE(std::get<Kube::Pod>(item).nodeName, node);
    }

    // The token of page 2 expires while it is on its way: the list starts again and still
    // delivers every pod exactly once.
    void expiredContinueTokenRestartsList()
    {
        Test::SimCluster cluster;
        const Sim::Scenario scenario = Test::scenarioWithPods(120);
        QVERIFY(cluster.start(scenario));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, cluster.tokenContext());
        cluster.sim->faults().setLatencyMs(150);
        Kube::ListOptions options;
        options.pageSize = 40;
        bool expired = false;
        const ListOutcome pods = runList(client, ResourceKind::Pod, options, [&](int page) {
            if (page == 1 && !expired) {
                expired = true;
                cluster.sim->faults().expireContinueTokens();
            }
        });
        QVERIFY2(!pods.error, qPrintable(errorText(pods)));
        QCOMPARE(pods.restarts, 1);
        QCOMPARE(pods.items.size(), scenario.pods.size());
    }

    void serverErrorsCarryStatus_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::addRow("500") << 500 << int(Core::Error::Kind::Http);
        QTest::addRow("503") << 503 << int(Core::Error::Kind::Http);
        QTest::addRow("429") << 429 << int(Core::Error::Kind::Http);
    }
    void serverErrorsCarryStatus()
    {
        QFETCH(int, status);
        QFETCH(int, kind);
        Test::SimCluster cluster;
        QVERIFY(cluster.start(Test::demoScenario()));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, cluster.tokenContext());
        cluster.sim->faults().failWithStatus(status, 1);
        const ListOutcome pods = runList(client, ResourceKind::Pod);
        QVERIFY(pods.error);
        QCOMPARE(int(pods.error->kind), kind);
        QCOMPARE(pods.error->httpStatus, status);
        QVERIFY(!pods.error->message.isEmpty());
        QVERIFY2(!pods.error->reason.isEmpty(), qPrintable(pods.error->toString()));
        QVERIFY(pods.error->where.contains(u"/api/v1/pods"_qs));
        // The next request is served again.
        QVERIFY(!runList(client, ResourceKind::Pod).error);
    }

    void malformedJsonIsAParseError()
    {
        Test::SimCluster cluster;
        QVERIFY(cluster.start(Test::demoScenario()));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, cluster.tokenContext());
        cluster.sim->faults().malformJson(1);
        const ListOutcome nodes = runList(client, ResourceKind::Node);
        QVERIFY(nodes.error);
        QCOMPARE(nodes.error->kind, Core::Error::Kind::Parse);
        QVERIFY2(nodes.error->where.contains(u"/api/v1/nodes"_qs), qPrintable(nodes.error->toString()));
    }

    // A rotated token: the first answer is 401, the client invalidates and retries once.
    void unauthorizedRetriesExactlyOnce()
    {
        Test::SimCluster cluster;
        QVERIFY(cluster.start(Test::demoScenario()));
        QNetworkAccessManager nam;
        auto rotated = std::make_shared<Test::RotatingCredentials>(
            QList<QByteArray> { QByteArray("Bearer stale-token"), cluster.bearer() });
        Kube::KubeClient client(&nam, cluster.handContext(rotated));
        const ListOutcome nodes = runList(client, ResourceKind::Node);
        QVERIFY2(!nodes.error, qPrintable(errorText(nodes)));
        QCOMPARE(rotated->invalidations, 1);
        QCOMPARE(rotated->fetches, 2);

        auto wrong = std::make_shared<Test::RotatingCredentials>(QList<QByteArray> { QByteArray("Bearer nope") });
        Kube::KubeClient denied(&nam, cluster.handContext(wrong));
        const ListOutcome failed = runList(denied, ResourceKind::Node);
        QVERIFY(failed.error);
        QCOMPARE(failed.error->kind, Core::Error::Kind::Unauthorized);
        QCOMPARE(failed.error->httpStatus, 401);
        QCOMPARE(failed.error->message, u"Unauthorized"_qs); // Status.message from the body
        QCOMPARE(wrong->fetches, 2);
        QCOMPARE(wrong->invalidations, 1);
    }

    void tls_data()
    {
        QTest::addColumn<QString>("serverName");
        QTest::addColumn<bool>("withCa");
        QTest::addColumn<bool>("insecure");
        QTest::addColumn<int>("kind"); // -1: success
        QTest::addRow("verified") << QString() << true << false << -1;
        QTest::addRow("tls-server-name-localhost") << u"localhost"_qs << true << false << -1;
        QTest::addRow("tls-server-name-mismatch")
            << u"kubernetes.example"_qs << true << false << int(Core::Error::Kind::Tls);
        QTest::addRow("unknown-ca") << QString() << false << false << int(Core::Error::Kind::Tls);
        QTest::addRow("insecure-skip-verify") << QString() << false << true << -1;
    }
    void tls()
    {
        QFETCH(QString, serverName);
        QFETCH(bool, withCa);
        QFETCH(bool, insecure);
        QFETCH(int, kind);
        Test::SimCluster cluster;
        QVERIFY(cluster.start(Test::demoScenario()));
        Net::ConnectionContext context = cluster.tokenContext();
        context.tlsServerName = serverName;
        context.insecureSkipTlsVerify = insecure;
        if (!withCa)
            context.caCertificates.clear();
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, context);
        const ListOutcome nodes = runList(client, ResourceKind::Node);
        if (kind < 0) {
            QVERIFY2(!nodes.error, qPrintable(errorText(nodes)));
            QVERIFY(!nodes.items.isEmpty());
        } else {
            QVERIFY(nodes.error);
            QCOMPARE(int(nodes.error->kind), kind);
            QVERIFY2(nodes.error->message.startsWith(u"TLS handshake failed: "_qs), qPrintable(nodes.error->message));
        }
    }

    // Client certificate from the kubeconfig: no Authorization header at all.
    void clientCertificateFromKubeconfig()
    {
        Test::SimCluster cluster;
        QVERIFY(cluster.start(Test::demoScenario()));
        auto context = cluster.contextFromKubeconfig(SimServer::KubeconfigAuth::ClientCertificate);
        QVERIFY2(context, qPrintable(context.ok() ? QString() : context.error().toString()));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, *context);
        const ListOutcome nodes = runList(client, ResourceKind::Node);
        QVERIFY2(!nodes.error, qPrintable(errorText(nodes)));
        // Without the certificate the same server says 401.
        Net::ConnectionContext anonymous = *context;
        anonymous.credentials.reset();
        // A manager of its own: the first one's TLS connection already carries the certificate.
        QNetworkAccessManager anonymousNam;
        Kube::KubeClient anonymousClient(&anonymousNam, anonymous);
        const ListOutcome denied = runList(anonymousClient, ResourceKind::Node);
        QVERIFY(denied.error);
        QCOMPARE(denied.error->kind, Core::Error::Kind::Unauthorized);
    }

    // Large bodies come gzip-compressed (ApiRequest inflates them on a worker); disable-compression
    // turns it off.
    void gzip_data()
    {
        QTest::addColumn<bool>("disableCompression");
        QTest::addRow("compressed") << false;
        QTest::addRow("disable-compression") << true;
    }
    void gzip()
    {
        QFETCH(bool, disableCompression);
        Test::SimCluster cluster;
        QVERIFY(cluster.start(Test::scenarioWithPods(1500)));
        Net::ConnectionContext context = cluster.tokenContext();
        context.disableCompression = disableCompression;
        QNetworkAccessManager nam;
        Net::ApiConnection connection(&nam, context);
        Net::ApiRequest *request = connection.get(u"/api/v1/pods"_qs);
        QByteArray encoding;
        std::optional<Net::BodyResult> result;
        connect(request, &Net::ApiRequest::finished, this, [&](const Net::BodyResult &r) {
            encoding = request->rawHeader("Content-Encoding");
            result = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
        QVERIFY(result->ok());
        QVERIFY(result->value().size() > 128 * 1024);
        QCOMPARE(encoding, disableCompression ? QByteArray() : QByteArray("gzip"));
        auto page = Kube::ResourceParsers::parseList(ResourceKind::Pod, result->value());
        QVERIFY(page);
        QCOMPARE(page->items.size(), cluster.sim->scenario().pods.size());
    }

    void transferTimeout()
    {
        Test::SimCluster cluster;
        QVERIFY(cluster.start(Test::demoScenario()));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, cluster.tokenContext());
        cluster.sim->faults().setLatencyMs(3000);
        Kube::ListOptions options;
        options.pageTimeout = std::chrono::milliseconds(300);
        QElapsedTimer elapsed;
        elapsed.start();
        const ListOutcome nodes = runList(client, ResourceKind::Node, options);
        QVERIFY(nodes.error);
        QCOMPARE(nodes.error->kind, Core::Error::Kind::Timeout);
        QVERIFY(elapsed.elapsed() < 2500);
    }

    void droppedConnectionIsANetworkError()
    {
        Test::SimCluster cluster;
        QVERIFY(cluster.start(Test::demoScenario()));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, cluster.tokenContext());
        cluster.sim->faults().dropConnections(1);
        const ListOutcome nodes = runList(client, ResourceKind::Node);
        QVERIFY(nodes.error);
        QCOMPARE(nodes.error->kind, Core::Error::Kind::Network);
    }

    // An answer cut off mid-transfer fails as a network error, and its half body is not read as
    // an error page: on a large answer that inflated megabytes on the GUI thread.
    void truncatedAnswerIsNotReadAsAnErrorPage()
    {
        Test::SimCluster cluster;
        QVERIFY(cluster.start(Test::scenarioWithPods(3000)));
        QNetworkAccessManager nam;
        Net::ApiConnection connection(&nam, cluster.tokenContext());
        cluster.sim->faults().truncateBodies(1);
        Net::ApiRequest *request = connection.get(u"/api/v1/pods"_qs);
        std::optional<Net::BodyResult> result;
        QByteArray errorBody = "unset";
        connect(request, &Net::ApiRequest::finished, this, [&](const Net::BodyResult &r) {
            result = r;
            errorBody = request->errorBody();
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().kind, Core::Error::Kind::Network);
        QVERIFY2(errorBody.isEmpty(), errorBody.left(80).constData());
    }

    // The simulator runs on its own thread here, so any stall of this thread is the client's:
    // a 10 ms timer must keep ticking while thousands of pods are fetched and parsed.
    void guiThreadNeverBlocks()
    {
        QThread serverThread;
        Sim::ServerOptions serverOptions;
        serverOptions.tickMs = -1;
        auto sim = std::make_unique<SimServer>(Test::scenarioWithPods(20000), serverOptions);
        sim->moveToThread(&serverThread);
        serverThread.start();
        const auto stopServer = qScopeGuard([&] {
            QMetaObject::invokeMethod(
                sim.get(), [&] { sim.reset(); }, Qt::BlockingQueuedConnection);
            serverThread.quit();
            serverThread.wait();
        });
        Core::Result<QUrl> url = Core::Error {};
        QMetaObject::invokeMethod(
            sim.get(), [&] { url = sim->start(); }, Qt::BlockingQueuedConnection);
        QVERIFY(url);
        Net::ConnectionContext context;
        context.server = *url;
        context.caCertificates = QSslCertificate::fromData(SimServer::caCertificatePem());
        context.credentials = std::make_shared<Test::RotatingCredentials>(
            QList<QByteArray> { QByteArray("Bearer ") + sim->bearerToken() });
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, context);

        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        int ticks = 0;
        QTimer timer;
        timer.setInterval(10);
        connect(&timer, &QTimer::timeout, this, [&] {
            if (ticks++ > 0)
                longestGap = std::max(longestGap, sinceTick.elapsed());
            sinceTick.start();
        });
        timer.start();
        QElapsedTimer elapsed;
        elapsed.start();
        const ListOutcome pods = runList(client, ResourceKind::Pod);
        timer.stop();
        qInfo() << "listed" << pods.items.size() << "pods in" << elapsed.elapsed() << "ms; longest timer gap"
                << longestGap << "ms over" << ticks << "ticks";
        QVERIFY2(!pods.error, qPrintable(errorText(pods)));
        QCOMPARE(pods.items.size(), sim->scenario().pods.size());
        QVERIFY2(longestGap < 200, qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(longestGap)));
    }
};

QTEST_GUILESS_MAIN(TestKubeClient)
#include "tst_kubeclient.moc"
