// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/appcontroller.h"

#include "app/mainwindow.h"
#include "cli/prometheusoptions.h"
#include "core/logging.h"
#include "core/offthread.h"
#include "model/clustersession.h"
#include "model/heatmapseriesquery.h"
#include "model/metricsfeed.h"
#include "model/viewstate.h"
#include "profiles/secretstore.h"
#include "prom/metriccatalogue.h"
#include "views/heatmappage.h"
#include "views/heatmapview.h"
#include "views/overviewpage.h"
#include "views/profiledialog.h"

#include <QFileInfo>
#include <QTimer>
#include <cmath>

namespace Specula::App {
namespace {

MainWindow::Health healthFor(Model::ClusterSession::State state)
{
    switch (state) {
    case Model::ClusterSession::State::Connecting:
    case Model::ClusterSession::State::Loading:
        return MainWindow::Health::Connecting;
    case Model::ClusterSession::State::Live:
        return MainWindow::Health::Live;
    case Model::ClusterSession::State::Reconnecting:
        return MainWindow::Health::Degraded;
    case Model::ClusterSession::State::Failed:
        return MainWindow::Health::Failed;
    }
    return MainWindow::Health::Failed;
}

} // namespace

AppController::AppController(MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_resolver(new Cli::ConnectionResolver(this))
    , m_secrets(new Profiles::SecretStore(this))
    , m_refreshTimer(new QTimer(this))
{
    connect(m_resolver, &Cli::ConnectionResolver::failed, this, &AppController::reportError);
    connect(m_resolver, &Cli::ConnectionResolver::resolved, this,
            [this](const Kube::KubeConfig &config, const QString &context) {
                m_config = config;
                createFirstProfiles(config);
                const QString chosen = context.isEmpty() ? config.currentContext() : context;
                m_window->setContexts(config.contextNames(), chosen);
                connectTo(chosen);
            });
    connect(m_window, &MainWindow::contextRequested, this, &AppController::connectTo);
    connect(m_window, &MainWindow::reconnectRequested, this, &AppController::reconnect);
    connect(m_window, &MainWindow::profileRequested, this, &AppController::openProfile);
    connect(m_window, &MainWindow::manageProfilesRequested, this, &AppController::manageProfiles);
    // A damaged settings file costs the profiles, never the start: every problem is shown.
    for (const Core::Error &problem : m_profiles.load())
        reportError(problem);
    showProfiles();

    Model::ViewState *view = m_window->viewState();
    auto followInterval = [this](std::chrono::seconds interval) {
        m_refreshTimer->stop();
        if (interval.count() > 0)
            m_refreshTimer->start(interval);
    };
    followInterval(view->refreshInterval());
    connect(view, &Model::ViewState::refreshIntervalChanged, this, followInterval);
    connect(m_refreshTimer, &QTimer::timeout, view, &Model::ViewState::requestRefresh);
    connect(view, &Model::ViewState::refreshRequested, this, &AppController::refreshMetrics);
    connect(view, &Model::ViewState::refreshRequested, this, &AppController::refreshHeatmapUnlessRunning);
    connect(view, &Model::ViewState::rangeChanged, this, &AppController::refreshHeatmap);
    connect(m_window->heatmapPage(), &Views::HeatmapPage::metricChanged, this, &AppController::refreshHeatmap);
    connect(m_window->heatmapPage(), &Views::HeatmapPage::deviceActivated, this, &AppController::showHolderCharts);
    connect(m_window->heatmapPage(), &Views::HeatmapPage::contentReady, this, &AppController::showUtilizationMeans);
}

AppController::~AppController() = default;

void AppController::start(const Cli::ConnectionOptions &options, const Model::PrometheusSettings &prometheus)
{
    const bool nothingChosen = !options.demo && !options.profile && options.kubeconfig.isEmpty()
        && options.context.isEmpty() && prometheus == Model::PrometheusSettings {};
    if (nothingChosen && m_profiles.find(m_profiles.lastUsed())) {
        openProfile(m_profiles.lastUsed());
        return;
    }
    m_options = options;
    m_profileName = options.profile ? options.profile->name : QString();
    showProfiles();
    m_window->showConnection(MainWindow::Health::Connecting,
                             options.demo ? tr("Starting the simulated cluster") : tr("Reading kubeconfig"), {});
    m_prometheus = prometheus;
    if (options.profile)
        applyProfileView(*options.profile);
    if (!Cli::PrometheusOptions::takesProfileSecrets(options, prometheus)) {
        m_resolver->resolve(options);
        return;
    }
    m_secrets->addPrometheusSecrets(options.profile->name, prometheus,
                                    [this, options](const Core::Result<Model::PrometheusSettings> &settings) {
                                        // A locked or absent keychain costs the metrics, not the cluster.
                                        if (settings)
                                            m_prometheus = settings.value();
                                        else
                                            reportError(settings.error());
                                        m_resolver->resolve(options);
                                    });
}

void AppController::openProfile(const QString &name)
{
    const std::optional<Profiles::Profile> profile = m_profiles.find(name);
    if (!profile)
        return;
    if (m_profiles.lastUsed() != name) {
        m_profiles.setLastUsed(name);
        if (const auto error = m_profiles.save())
            reportError(*error);
    }
    start(Cli::ConnectionOptions::forProfile(*profile), profile->prometheus);
}

void AppController::manageProfiles()
{
    auto *dialog = new Views::ProfileDialog(&m_profiles, m_secrets, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->selectProfile(m_profileName);
    connect(dialog, &QDialog::accepted, this, [this] {
        if (!m_profiles.find(m_profileName))
            m_profileName.clear();
        showProfiles();
    });
    dialog->open();
}

// The first run (no profiles file yet) saves one profile per context of the kubeconfig in use, so
// that the switcher has something to offer. The demo's throw-away kubeconfig is not kept.
void AppController::createFirstProfiles(const Kube::KubeConfig &config)
{
    if (m_options.demo || m_options.profile || QFileInfo::exists(m_profiles.path()))
        return;
    m_profiles.createFromKubeconfig(config);
    QList<Profiles::Profile> profiles = m_profiles.profiles();
    for (Profiles::Profile &profile : profiles)
        profile.kubeconfig = m_options.kubeconfig;
    m_profiles.setProfiles(profiles);
    const QString context = m_options.context.isEmpty() ? config.currentContext() : m_options.context;
    if (m_profiles.find(context)) {
        m_profileName = context;
        m_profiles.setLastUsed(context);
    }
    if (const auto error = m_profiles.save())
        reportError(*error);
    showProfiles();
}

void AppController::showProfiles()
{
    QStringList names;
    for (const Profiles::Profile &profile : m_profiles.profiles())
        names.append(profile.name);
    m_window->setProfiles(names, m_profileName);
}

void AppController::applyProfileView(const Profiles::Profile &profile)
{
    Model::ViewState *view = m_window->viewState();
    view->setRefreshInterval(std::chrono::seconds(profile.refreshSeconds));
    view->setNamespaceFilter(profile.namespaces.value(0));
}

void AppController::connectTo(const QString &context)
{
    if (!m_config)
        return;
    auto resolved = m_config->resolve(context);
    if (!resolved) {
        reportError(resolved.error());
        return;
    }
    m_context = context;
    m_resetOnNextSnapshot = true;
    m_window->clearError();
    m_session = std::make_unique<Model::ClusterSession>(resolved.value());
    m_feed = new Model::MetricsFeed(m_session.get(), m_prometheus, m_session.get());
    m_window->setPrometheus(nullptr, Prom::MetricCatalogue());
    m_lastHeatmap.reset();
    connect(m_feed, &Model::MetricsFeed::ready, this, [this] {
        m_window->setPrometheus(m_feed->client(), m_feed->catalogue());
        m_lastHeatmap.reset();
        refreshHeatmap();
    });
    const QString server = resolved->insecureSkipTlsVerify
        ? tr("%1 (TLS verification off: insecure-skip-tls-verify)").arg(resolved->server.toString())
        : resolved->server.toString();
    connect(m_session.get(), &Model::ClusterSession::stateChanged, this,
            [this, server](Model::ClusterSession::State state, const QString &detail) {
                m_window->showConnection(healthFor(state), detail, server);
                // The banner describes a problem that is still there.
                if (state == Model::ClusterSession::State::Live)
                    m_window->clearError();
            });
    connect(m_session.get(), &Model::ClusterSession::snapshotReady, this,
            [this](const Model::ClusterSnapshot &snapshot) {
                m_window->showSnapshot(snapshot, std::exchange(m_resetOnNextSnapshot, false));
            });
    connect(m_session.get(), &Model::ClusterSession::loaded, this, &AppController::loaded);
    connect(m_session.get(), &Model::ClusterSession::loaded, this, &AppController::refreshMetrics);
    connect(m_session.get(), &Model::ClusterSession::errorOccurred, this, &AppController::reportError);
    m_session->start();
}

void AppController::reconnect()
{
    connectTo(m_context);
}

void AppController::refreshMetrics()
{
    // Before the first list the feed would not know the node names dcgm's labels are matched to.
    if (m_feed && m_session && m_session->isLoaded())
        m_feed->refresh();
}

// The heatmap's metric over the window's range, on a grid as fine as the heatmap is wide.
void AppController::refreshHeatmap()
{
    Prom::PromClient *client = m_feed ? m_feed->client() : nullptr;
    if (!client)
        return;
    if (m_heatmapQuery)
        m_heatmapQuery->cancel();
    Views::HeatmapPage *page = m_window->heatmapPage();
    const Prom::Metric metric = page->metric();
    const Prom::MetricCatalogue catalogue = m_feed->catalogue();
    const Prom::TimeAxis axis
        = m_window->viewState()->axisFor(std::max(page->view()->width(), 480), QDateTime::currentDateTimeUtc());
    m_heatmapQuery = new Model::HeatmapSeriesQuery(client, catalogue, metric, axis, this);
    m_heatmapQuery->setExpectedRows(m_session->snapshot());
    if (m_lastHeatmap && m_lastHeatmap->first == metric)
        m_heatmapQuery->setPrevious(m_lastHeatmap->second);
    connect(m_heatmapQuery, &Model::HeatmapSeriesQuery::finished, this,
            [this, catalogue](Prom::Metric metric, const Prom::CompactSeriesStore &store) {
                m_heatmapQuery = nullptr;
                m_lastHeatmap.emplace(metric, store);
                m_window->heatmapPage()->setSeries(metric, store, catalogue);
            });
    connect(m_heatmapQuery, &Model::HeatmapSeriesQuery::failed, this, [this](const Core::Error &error) {
        m_heatmapQuery = nullptr;
        reportError(error);
    });
    m_heatmapQuery->start();
}

// A refresh lets the heatmap's query in flight finish: on 40,000 GPUs one takes longer than a
// refresh interval, and restarting it at every refresh would never let an answer arrive. The
// refresh after it asks for what is newer.
void AppController::refreshHeatmapUnlessRunning()
{
    if (!m_heatmapQuery)
        refreshHeatmap();
}

// The overview's idle GPUs follow the range's mean utilization, which the heatmap has when it
// shows utilization. A MIG slice that dcgm names by its GPU's UUID has no key of its own.
void AppController::showUtilizationMeans()
{
    const std::optional<Model::HeatmapData> &data = m_window->heatmapPage()->data();
    if (!data || data->metric() != Prom::Metric::GpuUtil)
        return;
    // 40,000 rows: off the GUI thread. Only the newest heatmap's means are shown.
    const quint64 generation = ++m_meansGeneration;
    Core::buildOffThread(
        this,
        [data = *data] {
            QHash<QString, double> means;
            for (int shown = 0; shown < data.rowCount(); ++shown) {
                const Model::HeatmapRow &row = data.row(shown);
                const bool ownUuid = row.migProfile.isEmpty() || row.uuid.startsWith(u"MIG-");
                if (ownUuid && !std::isnan(row.mean))
                    means.insert(row.uuid, row.mean);
            }
            return means;
        },
        [this, generation, range = m_window->viewState()->rangeText()](QHash<QString, double> means) {
            if (generation == m_meansGeneration)
                m_window->overviewPage()->setMeanUtilization(std::move(means), range);
        });
}

// A GPU clicked in the heatmap: the charts of the pod that holds it.
void AppController::showHolderCharts(const QString &uuid)
{
    if (!m_session)
        return;
    for (const Model::NodeSummary &node : m_session->snapshot().nodes) {
        if (!node.gpu)
            continue;
        for (const Model::GpuDevice &device : node.gpu->devices) {
            if (device.uuid == uuid && !device.pods.isEmpty()) {
                m_window->showPodCharts(device.pods.constFirst().key());
                return;
            }
        }
    }
}

void AppController::reportError(const Core::Error &error)
{
    // The banner and stderr say the same thing; the tables keep the last good data.
    qCWarning(lcApp).noquote() << error.toString();
    m_window->showError(error.toString());
    if (!m_session)
        m_window->showConnection(MainWindow::Health::Failed, tr("Not connected"), {});
}

} // namespace Specula::App
