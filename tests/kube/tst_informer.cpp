// SPDX-License-Identifier: GPL-3.0-or-later
// Watches and informers against the simulated cluster over real HTTPS on 127.0.0.1.
#include "kube/informer.h"
#include "kube/listjob.h"
#include "kube/watchjob.h"
#include "simclientfixture.h"

#include <QSignalSpy>

using namespace Specula;
using Kube::Informer;
using Kube::ResourceKind;
using Kube::WatchEvent;

namespace {

QString podKey(const Kube::Resource &resource)
{
    const auto &pod = std::get<Kube::Pod>(resource);
    return pod.meta.namespaceName + u'/' + pod.meta.name;
}

// The informer's view of the cluster: listed() replaces, changed() patches.
struct Mirror
{
    QHash<QString, QString> pods; // key → resourceVersion
    int lists = 0;
    int events = 0;
    QList<Informer::State> states;
    QList<Core::Error> errors;
    QObject guard; // ends the connections when the mirror goes, whatever the declaration order

    void attach(Informer &informer)
    {
        QObject::connect(&informer, &Informer::listed, &guard, [this](const QList<Kube::Resource> &objects) {
            pods.clear();
            for (const auto &object : objects)
                pods.insert(podKey(object), std::get<Kube::Pod>(object).meta.resourceVersion);
            ++lists;
        });
        QObject::connect(&informer, &Informer::changed, &guard, [this](const QList<WatchEvent> &batch) {
            for (const WatchEvent &event : batch) {
                ++events;
                if (event.type == WatchEvent::Type::Deleted)
                    pods.remove(podKey(event.object));
                else
                    pods.insert(podKey(event.object), std::get<Kube::Pod>(event.object).meta.resourceVersion);
            }
        });
        QObject::connect(&informer, &Informer::stateChanged, &guard,
                         [this](Informer::State state) { states << state; });
        QObject::connect(&informer, &Informer::failed, &guard, [this](const Core::Error &error) { errors << error; });
    }
};

// What the cluster really holds now, by a fresh list.
QSet<QString> listNow(Kube::KubeClient &client)
{
    QSet<QString> keys;
    bool done = false;
    auto *job = client.list(ResourceKind::Pod);
    QObject::connect(job, &Kube::ListJob::page, [&](const QList<Kube::Resource> &items) {
        for (const auto &item : items)
            keys.insert(podKey(item));
    });
    QObject::connect(job, &Kube::ListJob::finished, [&] { done = true; });
    QObject::connect(job, &Kube::ListJob::failed, [&](const Core::Error &e) {
        qWarning() << e.toString();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        qWarning("list did not finish");
    return keys;
}

// The resourceVersion of a fresh pod list, the point a watch starts from; empty if it failed.
QString listResourceVersion(Kube::KubeClient &client)
{
    QString version;
    bool done = false;
    auto *job = client.list(ResourceKind::Pod);
    QObject::connect(job, &Kube::ListJob::finished, [&](const QString &rv) {
        version = rv;
        done = true;
    });
    QObject::connect(job, &Kube::ListJob::failed, [&] { done = true; });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        qWarning("list did not finish");
    return version;
}

QSet<QString> keysOf(const QHash<QString, QString> &hash)
{
    return QSet<QString>(hash.keyBegin(), hash.keyEnd());
}

} // namespace

class TestInformer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Pods change in the simulator; the watch delivers every change and the mirror ends equal
    // to a fresh list.
    void watchFollowsTheCluster()
    {
        Test::SimCluster cluster;
        QVERIFY(cluster.start(Test::demoScenario()));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, cluster.tokenContext());
        Informer informer(&client, ResourceKind::Pod);
        Mirror mirror;
        mirror.attach(informer);
        informer.start();
        QTRY_COMPARE_WITH_TIMEOUT(informer.state(), Informer::State::Watching, 10000);
        QCOMPARE(mirror.lists, 1);
        QCOMPARE(mirror.pods.size(), cluster.sim->scenario().pods.size());
        cluster.sim->advance(3);
        QTRY_VERIFY_WITH_TIMEOUT(mirror.events >= 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(keysOf(mirror.pods), listNow(client), 10000);
        QCOMPARE(mirror.lists, 1);
        QVERIFY(mirror.errors.isEmpty());
        QCOMPARE(mirror.states.first(), Informer::State::Listing);
    }

    // With a poll interval the informer relists on that period and never opens a watch, and a
    // relist replaces what the last one said.
    void pollingRelistsInsteadOfWatching()
    {
        Test::SimCluster cluster;
        QVERIFY(cluster.start(Test::demoScenario()));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, cluster.tokenContext());
        Informer informer(&client, ResourceKind::Pod);
        informer.setPollInterval(std::chrono::milliseconds(200));
        Mirror mirror;
        mirror.attach(informer);
        informer.start();
        QTRY_VERIFY_WITH_TIMEOUT(mirror.lists >= 1, 10000);
        cluster.sim->advance(3);
        QTRY_VERIFY_WITH_TIMEOUT(mirror.lists >= 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(keysOf(mirror.pods), listNow(client), 10000);
        QCOMPARE(informer.watchCount(), 0);
        QCOMPARE(mirror.events, 0);
        QVERIFY(mirror.errors.isEmpty());
        informer.stop();
        const int lists = informer.listCount();
        QTest::qWait(500);
        QCOMPARE(informer.listCount(), lists);
    }

    void rawWatchEventsAndBookmarks()
    {
        Sim::Scenario scenario = Test::demoScenario();
        scenario.bookmarkSeconds = 1;
        Test::SimCluster cluster;
        QVERIFY(cluster.start(scenario));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, cluster.tokenContext());
        const QString listVersion = listResourceVersion(client);
        QVERIFY(!listVersion.isEmpty());

        Kube::WatchJob *watch = client.watch(ResourceKind::Pod, listVersion);
        QSignalSpy events(watch, &Kube::WatchJob::events);
        QSignalSpy bookmarks(watch, &Kube::WatchJob::bookmark);
        QSignalSpy failed(watch, &Kube::WatchJob::failed);
        cluster.sim->advance(1);
        QVERIFY(events.wait(10000));
        const auto batch = events.first().first().value<QList<WatchEvent>>();
        QVERIFY(!batch.isEmpty());
        QVERIFY(batch.first().type == WatchEvent::Type::Added || batch.first().type == WatchEvent::Type::Modified);
        QVERIFY(bookmarks.wait(5000));
        const QString bookmarked = bookmarks.last().first().toString();
        QVERIFY(!bookmarked.isEmpty());
        QCOMPARE(watch->resourceVersion(), bookmarked);
        QVERIFY(bookmarked.toULongLong() >= listVersion.toULongLong());
        QVERIFY(failed.isEmpty());
        watch->cancel();
    }

    // A watch that gets 410 (the simulator's ERROR event) relists and keeps going.
    void goneLeadsToRelist()
    {
        Test::SimCluster cluster;
        QVERIFY(cluster.start(Test::demoScenario()));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, cluster.tokenContext());
        Informer informer(&client, ResourceKind::Pod);
        Mirror mirror;
        mirror.attach(informer);
        cluster.sim->faults().goneOnNextWatch();
        informer.start();
        QTRY_COMPARE_WITH_TIMEOUT(mirror.lists, 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(informer.state(), Informer::State::Watching, 10000);
        QVERIFY(informer.watchCount() >= 2);
        QVERIFY(mirror.errors.isEmpty()); // a relist is routine, not an error for the user
        cluster.sim->advance(2);
        QTRY_COMPARE_WITH_TIMEOUT(keysOf(mirror.pods), listNow(client), 10000);
    }

    // Plain HTTP 410 on the watch request itself: a resourceVersion far older than the history.
    void httpGoneOnStaleVersionRelists()
    {
        Sim::Scenario scenario = Test::demoScenario();
        scenario.watchHistory = 2;
        Test::SimCluster cluster;
        QVERIFY(cluster.start(scenario));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, cluster.tokenContext());
        const QString listVersion = listResourceVersion(client);
        QVERIFY(!listVersion.isEmpty());
        cluster.sim->advance(10);
        Kube::WatchJob *watch = client.watch(ResourceKind::Pod, listVersion);
        QSignalSpy failed(watch, &Kube::WatchJob::failed);
        QVERIFY(failed.wait(10000));
        const auto error = failed.first().first().value<Core::Error>();
        QCOMPARE(error.kind, Core::Error::Kind::Gone);
        QVERIFY(error.httpStatus == 410);
    }

    // A watch that goes silent (no event, no bookmark) is taken for a dead connection: the
    // informer backs off, resumes from its resourceVersion (no relist) and sees later changes.
    void reconnectsAfterDeadConnection()
    {
        Sim::Scenario scenario = Test::demoScenario();
        scenario.bookmarkSeconds = 60;
        Test::SimCluster cluster;
        QVERIFY(cluster.start(scenario));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, cluster.tokenContext());
        Informer informer(&client, ResourceKind::Pod);
        informer.setBackoff(std::chrono::milliseconds(50), std::chrono::milliseconds(400));
        Kube::WatchOptions watchOptions;
        watchOptions.transferTimeout = std::chrono::milliseconds(300);
        informer.setWatchOptions(watchOptions);
        Mirror mirror;
        mirror.attach(informer);
        informer.start();
        QTRY_VERIFY_WITH_TIMEOUT(informer.watchCount() >= 3, 10000);
        QCOMPARE(mirror.lists, 1);
        QVERIFY(mirror.states.contains(Informer::State::Reconnecting));
        QVERIFY(mirror.errors.size() >= 2);
        QCOMPARE(mirror.errors.first().kind, Core::Error::Kind::Timeout);
        QVERIFY(informer.nextBackoff() > std::chrono::milliseconds(50)); // it grew
        cluster.sim->advance(2);
        QTRY_VERIFY_WITH_TIMEOUT(mirror.events > 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(keysOf(mirror.pods), listNow(client), 10000);
        QCOMPARE(mirror.lists, 1);
    }

    // The server ends the stream (timeoutSeconds): resumed at once from the last version.
    void resumesAfterServerTimeout()
    {
        Test::SimCluster cluster;
        QVERIFY(cluster.start(Test::demoScenario()));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, cluster.tokenContext());
        Informer informer(&client, ResourceKind::Pod);
        informer.setBackoff(std::chrono::milliseconds(50), std::chrono::milliseconds(200));
        Kube::WatchOptions watchOptions;
        watchOptions.serverTimeout = std::chrono::seconds(1);
        informer.setWatchOptions(watchOptions);
        Mirror mirror;
        mirror.attach(informer);
        informer.start();
        QTRY_VERIFY_WITH_TIMEOUT(informer.watchCount() >= 3, 15000);
        QCOMPARE(mirror.lists, 1);
        cluster.sim->advance(2);
        QTRY_COMPARE_WITH_TIMEOUT(keysOf(mirror.pods), listNow(client), 10000);
    }

    // Errors that waiting cannot fix end in Failed, with the server's words.
    void forbiddenCredentialsFail()
    {
        Test::SimCluster cluster;
        QVERIFY(cluster.start(Test::demoScenario()));
        QNetworkAccessManager nam;
        Kube::KubeClient client(
            &nam, cluster.handContext(std::make_shared<Test::RotatingCredentials>(QList<QByteArray> { "Bearer x" })));
        Informer informer(&client, ResourceKind::Node);
        Mirror mirror;
        mirror.attach(informer);
        informer.start();
        QTRY_COMPARE_WITH_TIMEOUT(informer.state(), Informer::State::Failed, 10000);
        QCOMPARE(mirror.errors.size(), 1);
        QCOMPARE(mirror.errors.first().kind, Core::Error::Kind::Unauthorized);
    }

    // 5xx during the list: retried with backoff until it works.
    void listRetriesServerErrors()
    {
        Test::SimCluster cluster;
        QVERIFY(cluster.start(Test::demoScenario()));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, cluster.tokenContext());
        Informer informer(&client, ResourceKind::Pod);
        informer.setBackoff(std::chrono::milliseconds(20), std::chrono::milliseconds(100));
        Mirror mirror;
        mirror.attach(informer);
        cluster.sim->faults().failWithStatus(503, 2);
        QSignalSpy listed(&informer, &Informer::listed);
        informer.start();
        QVERIFY(listed.wait(10000));
        QCOMPARE(mirror.errors.size(), 2);
        QCOMPARE(mirror.errors.first().httpStatus, 503);
        QCOMPARE(listed.first().first().value<QList<Kube::Resource>>().size(), cluster.sim->scenario().pods.size());
    }
};

QTEST_GUILESS_MAIN(TestInformer)
#include "tst_informer.moc"
