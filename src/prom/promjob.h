// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/result.h"
#include "prom/promtypes.h"

#include <QObject>
#include <QPointer>

namespace Specula::Net {
class ApiRequest;
struct EncodedBody;
} // namespace Specula::Net

namespace Specula::Prom {

// One Prometheus API call in flight. Emits exactly one of finished() or failed(), then deletes
// itself later; cancel() stops it without emitting anything. Bodies above a few KiB are parsed
// on a worker thread. Create it through PromClient.
class PromJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromJob)

public:
    enum class Answer { Query, Series, Names, BuildInfo };

    // Takes over a started request, made with RequestOptions::encodedBody.
    PromJob(Net::ApiRequest *request, Answer answer, QObject *parent = nullptr);
    ~PromJob() override;

    void cancel();
    Answer answer() const { return m_answer; }
    // A query's series go to `visit` as they are read, on the thread that parses the answer,
    // and finished() carries none of them. Set it before the answer arrives.
    void setSeriesVisitor(SeriesVisitor visit) { m_visit = std::move(visit); }

    // Bodies larger than this (decoded) go to a worker thread; smaller ones cost less to parse than
    // to hand over. A query's answer is read as it is inflated, never held whole.
    static constexpr qsizetype workerThreshold = 64 * 1024;

Q_SIGNALS:
    void finished(const Specula::Prom::PromResponse &response);
    void failed(const Specula::Core::Error &error);

private:
    void onRequestFinished(const Core::Result<QByteArray> &body);
    void deliver(const Core::Result<PromResponse> &result);

    static Core::Result<PromResponse> parse(Answer answer, const Net::EncodedBody &body, int httpStatus,
                                            const QString &where, const SeriesVisitor &visit);

    QPointer<Net::ApiRequest> m_request;
    Answer m_answer;
    SeriesVisitor m_visit;
    bool m_done = false;
};

} // namespace Specula::Prom
