//! API errors: a closed set of codes, one JSON shape, one mapping to status.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// The stable, machine-readable reason of an error response.
///
/// Codes are never renamed or reused; adding one is fine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A parameter is unknown, malformed or out of range.
    InvalidParameter,
    /// The query string does not parse.
    InvalidQuery,
    /// `from` or `to` is not a date.
    InvalidDate,
    /// `from` is after `to`.
    InvalidDateRange,
    /// No article has the id.
    ArticleNotFound,
    /// No route has the path.
    NotFound,
    /// The request body is too large.
    PayloadTooLarge,
    /// The request took too long.
    Timeout,
    /// Something broke on our side.
    Internal,
}

impl ErrorCode {
    /// Returns the HTTP status of the code.
    pub fn status(self) -> StatusCode {
        match self {
            Self::InvalidParameter | Self::InvalidQuery | Self::InvalidDate | Self::InvalidDateRange => {
                StatusCode::BAD_REQUEST
            }
            Self::ArticleNotFound | Self::NotFound => StatusCode::NOT_FOUND,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Timeout => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// An error answer: `{"code": "...", "message": "...", "field": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ApiError {
    /// The stable reason.
    pub code: ErrorCode,
    /// What went wrong, for humans.
    pub message: String,
    /// The parameter at fault, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// For `invalid_query`: where in `q` the problem is, in characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<usize>,
}

impl ApiError {
    /// Returns an error with no field.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), field: None, position: None }
    }

    /// Returns an error about parameter `field`.
    pub fn for_field(code: ErrorCode, field: &str, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), field: Some(field.to_owned()), position: None }
    }

    /// Returns the generic 500 answer; the cause is logged here, once, and never sent.
    pub fn internal(cause: &(dyn std::error::Error + 'static)) -> Self {
        tracing::error!(error = %DisplayChain(cause), "request failed");
        Self::new(ErrorCode::Internal, "internal error")
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ApiError {}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.code.status(), Json(self)).into_response()
    }
}

impl From<morgue_index::Error> for ApiError {
    fn from(error: morgue_index::Error) -> Self {
        use morgue_index::Error;
        match error {
            Error::InvalidQuery { message, position } => {
                Self { position, ..Self::for_field(ErrorCode::InvalidQuery, "q", message) }
            }
            Error::InvalidRequest { parameter, message } => {
                let code = if parameter == "from" { ErrorCode::InvalidDateRange } else { ErrorCode::InvalidParameter };
                Self::for_field(code, parameter, format!("invalid {parameter}: {message}"))
            }
            Error::SchemaMismatch { .. } | Error::CorruptDocument(_) | Error::Io { .. } | Error::Tantivy(_) => {
                Self::internal(&error)
            }
        }
    }
}

/// Displays an error with its causes, `a: b: c`.
pub(crate) struct DisplayChain<'a>(pub(crate) &'a (dyn std::error::Error + 'static));

impl std::fmt::Display for DisplayChain<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)?;
        let mut source = self.0.source();
        while let Some(cause) = source {
            write!(f, ": {cause}")?;
            source = cause.source();
        }
        Ok(())
    }
}
