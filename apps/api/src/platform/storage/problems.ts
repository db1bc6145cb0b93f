import { HttpProblem } from '../http/problem.js';

/** Problem types of stored files, documented in docs/problems.md. */
export const storageProblemTypes = {
  signedUrlRejected: '/docs/problems#signed-url-rejected',
  fileTooLarge: '/docs/problems#file-too-large',
  fileNotText: '/docs/problems#file-not-text',
} as const;

export function signedUrlRejected(reason: 'expired' | 'invalid') {
  return new HttpProblem({
    status: 403,
    type: storageProblemTypes.signedUrlRejected,
    title: 'Signed URL rejected',
    detail:
      reason === 'expired'
        ? 'This signed URL has expired; ask the API for a new one.'
        : 'This URL is not signed for this request (altered, or another method, size or type).',
  });
}

export function fileTooLarge(detail: string) {
  return new HttpProblem({
    status: 413,
    type: storageProblemTypes.fileTooLarge,
    title: 'File too large',
    detail,
  });
}

export function fileNotText(reason: string) {
  return new HttpProblem({
    status: 422,
    type: storageProblemTypes.fileNotText,
    title: 'Not a text file',
    detail: `${reason} Upload a CSV file saved as UTF-8 text.`,
  });
}
